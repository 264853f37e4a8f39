package vn.situationroom.escalation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.situationroom.escalation.Escalations;
import vn.situationroom.region.Region;
import vn.situationroom.security.Roles;
import vn.situationroom.security.Viewer;
import vn.situationroom.ui.UiProperties;

/**
 * The escalations board: the district's citizens at the province or the central level, the commune responsible, and
 * what was done; those nobody has acted on first. The commune records that it contacted them, then that they are home.
 */
@RolesAllowed({Roles.LEADERSHIP, Roles.POLICE, Roles.INSPECTION, Roles.OFFICE, Roles.COMMUNE})
@Route("escalations")
@Menu(title = "shell.menu.escalations", order = 7, icon = "vaadin:road-branches")
public class EscalationsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final int DAYS_BACK = 60;

    private final Escalations escalations;
    private final Region region;
    private final UiProperties settings;
    private final Grid<Escalations.Escalation> grid = new Grid<>();

    private final Clock clock;

    public EscalationsView(Escalations escalations, Region region, UiProperties settings, Clock clock) {
        this.clock = clock;
        this.escalations = escalations;
        this.region = region;
        this.settings = settings;
        addClassName("escalations-view");
        setSizeFull();
        grid.addClassName("escalations-grid");
        // The state and when it happened in one cell: the room goes to what happened and what was done.
        // Widths in rem, not em: the headings' smaller type would make an em narrower over them than over the cells.
        grid.addComponentColumn(e -> {
                    Span state = new Span(getTranslation("escalation.state." + e.state()));
                    state.addClassNames("escalation-state", "state-" + e.state().name());
                    Div when = new Div(TIME.format(e.occurredAt().atZoneSameInstant(settings.zone())));
                    when.addClassName("escalation-when");
                    return new Div(state, when);
                })
                .setHeader(getTranslation("escalation.column.state") + " · " + getTranslation("field.occurredAt"))
                .setWidth("10rem")
                .setFlexGrow(0);
        // Names and places wrap in a column of their own width; what happened and what was done take the room left,
        // from a width where a line holds a few words (at 1600 px the summary had shrunk to a word a line).
        grid.addColumn(e -> region.placeName(e.communeCode()))
                .setHeader(getTranslation("escalation.column.commune"))
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addColumn(e -> e.destination() == null ? "" : getTranslation("enum.Destination." + e.destination()))
                .setHeader(getTranslation("field.destination"))
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(Escalations.Escalation::headcount)
                .setHeader(getTranslation("field.headcount"))
                .setWidth("5.5rem")
                .setFlexGrow(0);
        grid.addColumn(e -> e.summary() == null ? "" : e.summary())
                .setHeader(getTranslation("field.summary"))
                .setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(e -> e.by() == null ? "" : e.by() + (e.note() == null ? "" : ": " + e.note()))
                .setHeader(getTranslation("escalation.column.latest"))
                .setWidth("10rem")
                .setFlexGrow(1);
        grid.addComponentColumn(e -> {
                    Button contacted = new Button(
                            getTranslation("escalation.action.CONTACTED"),
                            click -> record(e, Escalations.State.CONTACTED));
                    contacted.setEnabled(e.state() == Escalations.State.REPORTED);
                    contacted.addClassName("escalation-contacted");
                    Button returned = new Button(
                            getTranslation("escalation.action.RETURNED"),
                            click -> record(e, Escalations.State.RETURNED));
                    returned.setEnabled(e.state() != Escalations.State.RETURNED);
                    returned.addClassName("escalation-returned");
                    for (Button button : List.of(contacted, returned)) {
                        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    }
                    return new HorizontalLayout(contacted, returned);
                })
                .setAutoWidth(true)
                .setFlexGrow(0)
                // The actions stay on screen however wide the rest is.
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        add(new H2(getTranslation("escalation.title")), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("escalation.title");
    }

    private void record(Escalations.Escalation escalation, Escalations.State step) {
        Dialog dialog = new Dialog();
        dialog.addClassName("escalation-dialog");
        dialog.setHeaderTitle(getTranslation("escalation.action." + step.name()));
        TextField by = new TextField(getTranslation("dialog.stated-by"));
        by.setValue(Viewer.current().displayName());
        by.setWidthFull();
        by.addClassName("escalation-by");
        TextArea note = new TextArea(getTranslation("police.dialog.note"));
        note.setWidthFull();
        note.addClassName("escalation-note");
        dialog.add(by, note);
        Button confirm = new Button(getTranslation("escalation.confirm"), click -> {
            switch (escalations.record(escalation.eventId(), step, by.getValue(), note.getValue())) {
                case RECORDED, ALREADY_RECORDED -> {
                    dialog.close();
                    refresh();
                }
                case UNKNOWN_ESCALATION -> {
                    dialog.close();
                    Notification.show(getTranslation("police.dialog.failed"));
                }
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("escalation-confirm");
        dialog.getFooter().add(new Button(getTranslation("police.dialog.cancel"), click -> dialog.close()), confirm);
        dialog.open();
        by.focus();
    }

    private void refresh() {
        grid.setItems(
                escalations.since(LocalDate.now(clock.withZone(settings.zone())).minusDays(DAYS_BACK), List.of()));
    }
}
