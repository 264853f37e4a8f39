package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import vn.situationroom.history.Counter;
import vn.situationroom.history.Granularity;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.ViewerCommunes;

/**
 * The analyst's filters: period, communes, counter, granularity, and the events' type, content, field and flags. A
 * change the analyst makes gives new filters, or marks what is wrong (a period that ends before it starts, hours over
 * too long a period) and gives none.
 */
final class FilterBar extends HorizontalLayout {

    private final Region region;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    /** Drill down: a province or district picks its communes at once. */
    private final Select<Unit> unit = new Select<>();

    private final MultiSelectComboBox<Commune> communes = new MultiSelectComboBox<>();
    private final Select<Counter> counter = new Select<>();
    private final Select<Granularity> granularity = new Select<>();
    private final Select<EventType> type = new Select<>();
    private final Select<Content> content = new Select<>();
    private final Select<Field> field = new Select<>();
    private final Checkbox complex = new Checkbox();
    private final Checkbox candidateRelated = new Checkbox();
    private AnalysisFilters shown;

    /** @param changed told the new filters whenever the analyst changes one */
    FilterBar(Region region, Consumer<AnalysisFilters> changed) {
        this.region = region;
        from.setLabel(getTranslation("analysis.filter.from"));
        to.setLabel(getTranslation("analysis.filter.to"));
        communes.setLabel(getTranslation("analysis.filter.communes"));
        communes.setPlaceholder(getTranslation("analysis.filter.all-communes"));
        ViewerCommunes.limitMany(communes, region);
        communes.setItemLabelGenerator(Commune::name);
        communes.setWidth("22em");
        List<Unit> units = parents(region);
        unit.setLabel(getTranslation("analysis.filter.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(u -> u == null
                ? getTranslation("analysis.filter.all-communes")
                : (u.kind() == Unit.Kind.DISTRICT && u.parentCode() != null ? "— " : "") + u.name());
        unit.setEmptySelectionAllowed(true);
        unit.setEmptySelectionCaption(getTranslation("analysis.filter.all-communes"));
        unit.addClassName("analysis-unit");
        unit.setWidth("16em");
        // Shown where it narrows something down; a commune's officer sees their own commune only.
        unit.setVisible(!units.isEmpty() && !Viewer.current().limitedToCommune());
        counter.setLabel(getTranslation("analysis.filter.counter"));
        counter.setItems(Counter.values());
        counter.setItemLabelGenerator(c -> getTranslation("counter." + c.apiName()));
        counter.setWidth("16em");
        granularity.setLabel(getTranslation("analysis.filter.granularity"));
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("analysis.granularity." + g.name()));
        type.setLabel(getTranslation("field.type"));
        type.setItems(EventType.values());
        content.setLabel(getTranslation("field.content"));
        content.setItems(Content.values());
        field.setLabel(getTranslation("field.field"));
        field.setItems(Field.values());
        for (Select<? extends Enum<?>> select : List.of(type, content, field)) {
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("analysis.filter.any"));
        }
        type.setItemLabelGenerator(this::label);
        content.setItemLabelGenerator(this::label);
        field.setItemLabelGenerator(this::label);
        complex.setLabel(getTranslation("field.complex"));
        candidateRelated.setLabel(getTranslation("field.candidateRelated"));
        Runnable read = () -> {
            AnalysisFilters next = read();
            if (next != null) {
                shown = next;
                changed.accept(next);
            }
        };
        from.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        to.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        communes.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        unit.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                Set<Commune> picked = new LinkedHashSet<>();
                if (e.getValue() != null) {
                    e.getValue().communes().forEach(code -> region.commune(code).ifPresent(picked::add));
                }
                communes.setValue(picked);
                read.run();
            }
        });
        counter.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        granularity.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        type.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        content.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        field.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        complex.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        candidateRelated.addValueChangeListener(e -> whenFromClient(e.isFromClient(), read));
        add(from, to, unit, communes, counter, granularity, type, content, field, complex, candidateRelated);
        addClassName("analysis-filters");
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
    }

    /** Puts the filters into the fields, without the fields reporting a change. */
    void show(AnalysisFilters filters) {
        shown = filters;
        from.setValue(filters.from());
        to.setValue(filters.to());
        Set<Commune> picked = new LinkedHashSet<>();
        filters.communes().forEach(code -> region.commune(code).ifPresent(picked::add));
        communes.setValue(picked);
        unit.setValue(region.unitOf(filters.communes()).orElse(null));
        counter.setValue(filters.counter());
        granularity.setValue(filters.granularity());
        type.setValue(filters.type());
        content.setValue(filters.content());
        field.setValue(filters.field());
        complex.setValue(filters.complex());
        candidateRelated.setValue(filters.candidateRelated());
    }

    private static void whenFromClient(boolean fromClient, Runnable read) {
        if (fromClient) {
            read.run();
        }
    }

    /** The filters the fields say, or {@code null} (with the field marked) where they say something impossible. */
    private AnalysisFilters read() {
        LocalDate first = from.getValue() == null ? shown.from() : from.getValue();
        LocalDate last = to.getValue() == null ? shown.to() : to.getValue();
        Granularity buckets = granularity.getValue() == null ? shown.granularity() : granularity.getValue();
        if (last.isBefore(first)) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("analysis.filter.to-before-from"));
            return null;
        }
        to.setInvalid(false);
        if (buckets == Granularity.HOUR && ChronoUnit.DAYS.between(first, last) >= IndicatorHistory.MAX_HOUR_DAYS) {
            granularity.setInvalid(true);
            granularity.setErrorMessage(getTranslation("analysis.filter.hour-span", IndicatorHistory.MAX_HOUR_DAYS));
            return null;
        }
        granularity.setInvalid(false);
        return new AnalysisFilters(
                first,
                last,
                communes.getValue().stream()
                        .sorted(Comparator.comparing(Commune::code))
                        .map(Commune::code)
                        .toList(),
                counter.getValue() == null ? shown.counter() : counter.getValue(),
                buckets,
                type.getValue(),
                content.getValue(),
                field.getValue(),
                complex.getValue(),
                candidateRelated.getValue(),
                shown.tab(),
                List.of());
    }

    /** The provinces and districts that hold fewer than all the region's communes, each province before its own. */
    private static List<Unit> parents(Region region) {
        List<Unit> units = new ArrayList<>();
        for (Unit top : region.topUnits()) {
            if (top.kind() == Unit.Kind.COMMUNE) {
                continue;
            }
            units.add(top);
            region.children(top.code()).stream()
                    .filter(child -> child.kind() != Unit.Kind.COMMUNE)
                    .forEach(units::add);
        }
        units.removeIf(u -> u.communes().size() >= region.communes().size());
        return units;
    }

    private String label(Enum<?> value) {
        return value == null
                ? ""
                : getTranslation("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
