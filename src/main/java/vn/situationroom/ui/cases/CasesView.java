package vn.situationroom.ui.cases;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.situationroom.cases.Cases;
import vn.situationroom.cases.LegalClock;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.ui.MainLayout;

/**
 * The cases and their legal deadlines, the late first: when each was received, accepted and resolved, what it waits
 * for next and by when, overdue and due-soon ones marked. A commune's list on its own with one pick.
 */
@Route(value = "cases", layout = MainLayout.class)
public class CasesView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int DAYS_BACK = 180;

    private final Cases cases;
    private final Region region;
    private final ComboBox<Commune> commune = new ComboBox<>();
    private final Checkbox lateOnly = new Checkbox();
    private final Grid<Cases.CaseSummary> grid = new Grid<>();
    private final Span summary = new Span();

    public CasesView(Cases cases, Region region) {
        this.cases = cases;
        this.region = region;
        addClassName("cases-view");
        setSizeFull();
        commune.setLabel(getTranslation("field.communeCode"));
        commune.setItems(region.communes());
        commune.setItemLabelGenerator(Commune::name);
        commune.setPlaceholder(getTranslation("analysis.filter.all-communes"));
        commune.setClearButtonVisible(true);
        commune.addValueChangeListener(e -> refresh());
        lateOnly.setLabel(getTranslation("cases.late-only"));
        lateOnly.addValueChangeListener(e -> refresh());
        summary.addClassName("cases-summary");
        HorizontalLayout filters = new HorizontalLayout(commune, lateOnly, summary);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addClassName("cases-grid");
        grid.addComponentColumn(c -> {
            Span standing = new Span(c.standing() != null ? getTranslation("cases.standing." + c.standing())
                    : c.resolved() != null ? getTranslation("cases.resolved") : "");
            if (c.standing() != null) {
                standing.addClassNames("case-standing", "standing-" + c.standing().name());
            }
            return standing;
        }).setHeader(getTranslation("cases.column.standing")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.deadline() == null ? "" : getTranslation("cases.step." + c.next(), DAY.format(c.deadline())))
                .setHeader(getTranslation("cases.column.deadline")).setAutoWidth(true);
        grid.addColumn(Cases.CaseSummary::caseRef).setHeader(getTranslation("field.caseRef")).setAutoWidth(true);
        grid.addColumn(c -> region.commune(c.communeCode()).map(Commune::name).orElse(c.communeCode()))
                .setHeader(getTranslation("field.communeCode")).setAutoWidth(true);
        grid.addColumn(c -> c.content() == null ? "" : getTranslation("enum.Content." + c.content()))
                .setHeader(getTranslation("field.content")).setAutoWidth(true);
        grid.addColumn(c -> c.field() == null ? "" : getTranslation("enum.Field." + c.field()))
                .setHeader(getTranslation("field.field")).setAutoWidth(true);
        grid.addColumn(c -> date(c.received())).setHeader(getTranslation("cases.column.received")).setAutoWidth(true);
        grid.addColumn(c -> date(c.accepted())).setHeader(getTranslation("cases.column.accepted")).setAutoWidth(true);
        grid.addColumn(c -> date(c.resolved())).setHeader(getTranslation("cases.column.resolved")).setAutoWidth(true);
        grid.addColumn(Cases.CaseSummary::contacts).setHeader(getTranslation("cases.column.contacts"))
                .setAutoWidth(true);
        grid.setSizeFull();

        Span help = new Span(getTranslation("cases.help"));
        help.addClassName("analysis-help");
        add(new H2(getTranslation("cases.title")), help, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.title");
    }

    private void refresh() {
        LocalDate today = cases.today();
        List<Cases.CaseSummary> list = cases.active(today.minusDays(DAYS_BACK),
                commune.getValue() == null ? List.of() : List.of(commune.getValue().code()), today);
        long overdue = list.stream().filter(c -> c.standing() == LegalClock.Standing.OVERDUE).count();
        long dueSoon = list.stream().filter(c -> c.standing() == LegalClock.Standing.DUE_SOON).count();
        summary.setText(getTranslation("cases.summary", list.size(), overdue, dueSoon));
        grid.setItems(lateOnly.getValue()
                ? list.stream().filter(c -> c.standing() == LegalClock.Standing.OVERDUE
                        || c.standing() == LegalClock.Standing.DUE_SOON).toList()
                : list);
    }

    private static String date(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
