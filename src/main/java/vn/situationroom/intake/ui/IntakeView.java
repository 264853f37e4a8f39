package vn.situationroom.intake.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.IntakeService;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.region.Region;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.UiProperties;

/**
 * The reception officer's form: one event at a time, keyboard first (Tab through the fields, Ctrl+Enter records),
 * checked by the same reader as every other channel, with the officer's latest entries below.
 */
@RolesAllowed({Roles.OFFICE, Roles.COMMUNE, Roles.RECEPTION_OFFICER})
@Route("intake")
@Menu(title = "shell.menu.intake", order = 4, icon = "vaadin:edit")
public class IntakeView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    private final IntakeService intake;
    private final Region region;
    private final UiProperties settings;
    private final Labels labels = new Labels(this);
    private final EventForm form;

    private final Grid<RecentEntry> recent = new Grid<>();

    public IntakeView(IntakeService intake, Region region, UiProperties settings, Clock clock) {
        this.intake = intake;
        this.region = region;
        this.settings = settings;
        addClassName("intake-view");
        setPadding(true);

        H1 title = new H1(getTranslation("intake.title"));
        Anchor toImport = new Anchor("import", getTranslation("intake.to-import"));
        Anchor toMap = new Anchor("", getTranslation("intake.to-map"));
        HorizontalLayout header = new HorizontalLayout(title, toImport, toMap);
        header.addClassName("view-header");
        header.setAlignItems(Alignment.BASELINE);

        form = new EventForm(region, settings, clock);

        Button record = new Button(getTranslation("intake.record"), e -> record());
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        record.setId("record");
        Button clear = new Button(getTranslation("intake.clear"), e -> form.clearForNext());
        HorizontalLayout actions = new HorizontalLayout(record, clear);

        recent.addColumn(e -> TIME.format(e.occurredAt()))
                .setHeader(getTranslation("intake.recent.time"))
                .setAutoWidth(true);
        recent.addColumn(RecentEntry::commune)
                .setHeader(getTranslation("field.communeCode"))
                .setAutoWidth(true);
        recent.addColumn(e -> labels.of(e.type()))
                .setHeader(getTranslation("field.type"))
                .setAutoWidth(true);
        recent.addColumn(RecentEntry::headcount)
                .setHeader(getTranslation("field.headcount"))
                .setAutoWidth(true);
        recent.addColumn(RecentEntry::description)
                .setHeader(getTranslation("intake.recent.what"))
                .setFlexGrow(1);
        recent.addColumn(e -> e.eventId().substring(0, 8))
                .setHeader(getTranslation("intake.recent.id"))
                .setAutoWidth(true);
        recent.setAllRowsVisible(true);
        recent.setId("recent");
        recent.setItems(entries());

        add(header, form, actions, new H2(getTranslation("intake.recent.title")), recent);
        form.clearForNext();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("intake.page-title");
    }

    private void record() {
        form.clearErrors();
        EventCheck check = intake.check(form.toJson());
        switch (check) {
            case EventCheck.Invalid invalid -> {
                List<String> elsewhere = form.showErrors(invalid.violations());
                notify(
                        getTranslation("intake.invalid", invalid.violations().size())
                                + (elsewhere.isEmpty() ? "" : " " + String.join("; ", elsewhere)),
                        NotificationVariant.LUMO_ERROR);
            }
            case EventCheck.Valid valid -> {
                try {
                    intake.submit(List.of(valid));
                } catch (IntakeService.PublishFailedException e) {
                    notify(getTranslation("intake.not-stored"), NotificationVariant.LUMO_ERROR);
                    return;
                }
                var event = valid.event();
                List<RecentEntry> entries = entries();
                entries.addFirst(new RecentEntry(
                        event.eventId().toString(),
                        event.occurredAt().atZoneSameInstant(settings.zone()).toLocalDateTime(),
                        form.communeName(),
                        event.type(),
                        event.headcount(),
                        describe(event)));
                if (entries.size() > 20) {
                    entries.removeLast();
                }
                recent.setItems(entries);
                notify(getTranslation("intake.recorded", form.communeName()), NotificationVariant.LUMO_SUCCESS);
                form.clearForNext();
            }
        }
    }

    private String describe(ReceptionEvent event) {
        List<String> parts = new ArrayList<>();
        for (Enum<?> value :
                new Enum<?>[] {event.content(), event.field(), event.severity(), event.destination(), event.status()}) {
            if (value != null) {
                parts.add(labels.of(value));
            }
        }
        if (event.caseRef() != null) {
            parts.add(event.caseRef());
        }
        return String.join(" · ", parts);
    }

    private void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 4000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }

    /** This officer's entries of the session, newest first. */
    @SuppressWarnings("unchecked")
    private static List<RecentEntry> entries() {
        VaadinSession session = VaadinSession.getCurrent();
        Object entries = session.getAttribute(IntakeView.class.getName() + ".recent");
        if (entries == null) {
            entries = new ArrayList<RecentEntry>();
            session.setAttribute(IntakeView.class.getName() + ".recent", entries);
        }
        return (List<RecentEntry>) entries;
    }

    /** One recorded event as the officer's list shows it. */
    record RecentEntry(
            String eventId,
            LocalDateTime occurredAt,
            String commune,
            EventType type,
            int headcount,
            String description) {}
}
