package vn.situationroom.watch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.UiProperties;
import vn.situationroom.ui.ViewerCommunes;
import vn.situationroom.watch.WatchLists;

/**
 * The communes' watch lists: crowd delegations and prolonged complainants found in the events, and entries added by
 * hand; an entry is taken off with who did it and why.
 */
@RolesAllowed({Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE})
@Route("watch")
@Menu(title = "shell.menu.watch", order = 8, icon = "vaadin:eye")
public class WatchView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final WatchLists lists;
    private final Region region;
    private final UiProperties settings;
    private final ComboBox<Commune> filter = new ComboBox<>();
    private final Grid<WatchLists.Entry> grid = new Grid<>();

    public WatchView(WatchLists lists, Region region, UiProperties settings) {
        this.lists = lists;
        this.region = region;
        this.settings = settings;
        addClassName("watch-view");
        setSizeFull();
        filter.setLabel(getTranslation("watch.filter"));
        ViewerCommunes.limit(filter, region);
        filter.setItemLabelGenerator(Commune::name);
        filter.setPlaceholder(getTranslation("analysis.filter.all-communes"));
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> refresh());

        ComboBox<Commune> commune = new ComboBox<>(getTranslation("field.communeCode"));
        ViewerCommunes.limit(commune, region);
        commune.setItemLabelGenerator(Commune::name);
        Select<WatchLists.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("watch.kind"));
        kind.setItems(WatchLists.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("watch.kind." + k.name()));
        kind.setValue(WatchLists.Kind.DELEGATION);
        kind.setWidth("16em");
        TextField subject = new TextField(getTranslation("watch.subject"));
        subject.setWidth("16em");
        TextField by = new TextField(getTranslation("watch.asked-by"));
        by.setValue(Viewer.current().displayName());
        TextField reason = new TextField(getTranslation("watch.reason"));
        reason.setWidth("18em");
        Button add = new Button(getTranslation("watch.add"), e -> {
            WatchLists.Outcome outcome = lists.add(
                    commune.getValue() == null ? null : commune.getValue().code(),
                    kind.getValue(),
                    subject.getValue(),
                    by.getValue(),
                    reason.getValue());
            Notification.show(getTranslation("watch.outcome." + outcome.name()));
            if (outcome == WatchLists.Outcome.DONE) {
                subject.clear();
                reason.clear();
                refresh();
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("watch-add");
        HorizontalLayout form = new HorizontalLayout(commune, kind, subject, by, reason, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addClassName("watch-grid");
        grid.addColumn(e -> getTranslation("watch.kind." + e.kind().name()))
                .setHeader(getTranslation("watch.kind"))
                .setAutoWidth(true);
        grid.addColumn(e -> region.shortName(e.communeCode()))
                .setHeader(getTranslation("field.communeCode"))
                .setAutoWidth(true);
        grid.addColumn(WatchLists.Entry::subject)
                .setHeader(getTranslation("watch.subject"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.automatic()
                        ? getTranslation("watch.source.auto")
                        : getTranslation("watch.source.manual", e.addedBy(), e.reason()))
                .setHeader(getTranslation("watch.source"))
                .setFlexGrow(2);
        grid.addColumn(WatchLists.Entry::contacts)
                .setHeader(getTranslation("cases.column.contacts"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.lastContact() == null
                        ? ""
                        : DAY.format(e.lastContact().atZone(settings.zone())))
                .setHeader(getTranslation("watch.last-contact"))
                .setAutoWidth(true);
        grid.addComponentColumn(e -> {
                    Button history = new Button(getTranslation("watch.history"), click -> history(e));
                    history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    history.addClassName("watch-history");
                    Button remove = new Button(getTranslation("watch.remove"), click -> remove(e));
                    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    remove.addClassName("watch-remove");
                    return new HorizontalLayout(history, remove);
                })
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        add(new H2(getTranslation("watch.title")), form, filter, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("watch.title");
    }

    /** The entry's history: its case's contacts and updates, and every time it was put on or taken off by hand. */
    private void history(WatchLists.Entry entry) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("watch.history.title", entry.subject()));
        Grid<WatchLists.Step> steps = new Grid<>();
        steps.addColumn(step -> TIME.format(step.at().atZone(settings.zone())))
                .setHeader(getTranslation("watch.history.at"))
                .setAutoWidth(true);
        steps.addColumn(step -> getTranslation("watch.history.step." + step.what()))
                .setHeader(getTranslation("watch.history.what"))
                .setAutoWidth(true);
        steps.addColumn(step -> step.by() == null ? "" : step.by())
                .setHeader(getTranslation("police.dialog.by"))
                .setAutoWidth(true);
        steps.addColumn(step -> step.note() == null ? "" : step.note())
                .setHeader(getTranslation("watch.history.note"))
                .setFlexGrow(1);
        steps.setItems(lists.history(entry));
        steps.setAllRowsVisible(true);
        steps.setWidth("48em");
        steps.addClassName("watch-history-grid");
        dialog.add(steps);
        dialog.getFooter().add(new Button(getTranslation("cases.persons.close"), click -> dialog.close()));
        dialog.open();
    }

    private void remove(WatchLists.Entry entry) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("watch.remove.title", entry.subject()));
        TextField by = new TextField(getTranslation("watch.asked-by"));
        by.setValue(Viewer.current().displayName());
        TextField reason = new TextField(getTranslation("watch.reason"));
        by.setWidthFull();
        reason.setWidthFull();
        dialog.add(by, reason);
        Button confirm = new Button(getTranslation("watch.remove"), click -> {
            WatchLists.Outcome outcome = lists.remove(entry, by.getValue(), reason.getValue());
            if (outcome == WatchLists.Outcome.INCOMPLETE) {
                reason.setInvalid(reason.getValue().isBlank());
                return;
            }
            dialog.close();
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("police.dialog.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(lists.list(
                filter.getValue() == null
                        ? List.of()
                        : List.of(filter.getValue().code())));
    }
}
