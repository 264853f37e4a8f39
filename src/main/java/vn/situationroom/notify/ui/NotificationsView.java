package vn.situationroom.notify.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.notify.NotificationRecords;
import vn.situationroom.notify.NotificationSettings;
import vn.situationroom.notify.Subscriptions;
import vn.situationroom.notify.Subscriptions.Channel;
import vn.situationroom.notify.Subscriptions.Subscription;
import vn.situationroom.region.Region;
import vn.situationroom.region.Unit;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.UiProperties;

/**
 * The administrator's notifications: who receives which alerts, by which channel, at which step of the chain (added,
 * changed and removed here, each change in the audit log), and every notification sent, retried, failed or cancelled.
 */
@RolesAllowed(Roles.ADMIN)
@Route("admin/notifications")
@Menu(title = "shell.menu.notifications", order = 11.5, icon = "vaadin:bell")
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final Subscriptions subscriptions;
    private final NotificationRecords records;
    private final NotificationSettings settings;
    private final Region region;
    private final UiProperties ui;

    private final Grid<Subscription> subscribed = new Grid<>();
    private final Grid<NotificationRecords.Sent> sent = new Grid<>();
    private final TextField name = new TextField();
    private final Select<String> role = new Select<>();
    private final Select<Channel> channel = new Select<>();
    private final TextField address = new TextField();
    private final ComboBox<String> unit = new ComboBox<>();
    private final Select<HotspotLevel> severity = new Select<>();
    private final Select<Integer> step = new Select<>();
    private final Checkbox enabled = new Checkbox();
    private final Button save = new Button();
    private final Button cancel = new Button();
    private long editing;

    public NotificationsView(
            Subscriptions subscriptions,
            NotificationRecords records,
            NotificationSettings settings,
            Region region,
            UiProperties ui) {
        this.subscriptions = subscriptions;
        this.records = records;
        this.settings = settings;
        this.region = region;
        this.ui = ui;
        addClassName("notifications-view");
        add(new H1(getTranslation("notify.admin.title")), setup());
        add(new H2(getTranslation("notify.admin.subscriptions")), form(), subscriptionsGrid());
        add(new H2(getTranslation("notify.admin.sent")), sentGrid());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notify.admin.title");
    }

    /** What the settings already do, beside the subscriptions. */
    private Paragraph setup() {
        Paragraph setup = new Paragraph(getTranslation(
                "notify.admin.setup",
                settings.email().to().isEmpty()
                        ? getTranslation("notify.admin.none")
                        : String.join(", ", settings.email().to()),
                getTranslation(settings.sms().enabled() ? "notify.admin.sms-on" : "notify.admin.sms-off"),
                settings.escalateAfter().toMinutes()));
        setup.addClassName("notify-setup");
        return setup;
    }

    private FlexLayout form() {
        name.setLabel(getTranslation("notify.field.name"));
        name.addClassName("notify-name");
        name.setMaxLength(200);
        role.setLabel(getTranslation("notify.field.role"));
        List<String> roles = new ArrayList<>(List.of(""));
        roles.addAll(Roles.ASSIGNABLE);
        role.setItems(roles);
        role.setItemLabelGenerator(
                r -> r.isEmpty() ? getTranslation("notify.admin.no-role") : getTranslation("role." + r));
        role.setValue("");
        role.addClassName("notify-role");
        channel.setLabel(getTranslation("notify.field.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("notify.channel." + c.name()));
        channel.setValue(Channel.EMAIL);
        channel.addClassName("notify-channel");
        channel.addValueChangeListener(e -> address.setPlaceholder(
                e.getValue() == null
                        ? ""
                        : getTranslation("notify.address-hint." + e.getValue().name())));
        address.setLabel(getTranslation("notify.field.address"));
        address.setPlaceholder(getTranslation("notify.address-hint.EMAIL"));
        address.setMinWidth("18em");
        address.addClassName("notify-address");
        unit.setLabel(getTranslation("notify.field.unit"));
        List<String> units = new ArrayList<>(List.of(""));
        region.unitsBelowRegion().stream().map(Unit::code).forEach(units::add);
        unit.setItems(units);
        unit.setItemLabelGenerator(this::unitName);
        unit.setValue("");
        unit.setMinWidth("16em");
        unit.addClassName("notify-unit");
        severity.setLabel(getTranslation("notify.field.severity"));
        severity.setItems(HotspotLevel.CRITICAL, HotspotLevel.WARNING);
        severity.setItemLabelGenerator(l -> getTranslation("notify.severity." + l.name()));
        severity.setValue(HotspotLevel.CRITICAL);
        severity.addClassName("notify-severity");
        step.setLabel(getTranslation("notify.field.step"));
        step.setItems(IntStream.rangeClosed(0, Subscriptions.MAX_STEP).boxed().toList());
        step.setItemLabelGenerator(this::stepName);
        step.setValue(0);
        step.addClassName("notify-step");
        enabled.setLabel(getTranslation("notify.field.enabled"));
        enabled.setValue(true);
        save.setText(getTranslation("notify.admin.add"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("notify-save");
        save.addClickListener(e -> save());
        cancel.setText(getTranslation("notify.admin.cancel"));
        cancel.setVisible(false);
        cancel.addClickListener(e -> clear());
        FlexLayout form = new FlexLayout(name, role, channel, address, unit, severity, step, enabled, save, cancel);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        form.addClassName("notify-form");
        return form;
    }

    private Grid<Subscription> subscriptionsGrid() {
        subscribed
                .addColumn(s -> stepName(s.step()))
                .setHeader(getTranslation("notify.field.step"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        subscribed
                .addColumn(Subscription::name)
                .setHeader(getTranslation("notify.field.name"))
                .setAutoWidth(true);
        subscribed
                .addColumn(s -> s.role() == null ? "" : getTranslation("role." + s.role()))
                .setHeader(getTranslation("notify.field.role"))
                .setAutoWidth(true);
        subscribed
                .addColumn(s -> getTranslation("notify.channel." + s.channel().name()))
                .setHeader(getTranslation("notify.field.channel"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        subscribed
                .addColumn(Subscription::address)
                .setHeader(getTranslation("notify.field.address"))
                .setAutoWidth(true);
        subscribed
                .addColumn(s -> unitName(s.unitCode() == null ? "" : s.unitCode()))
                .setHeader(getTranslation("notify.field.unit"))
                .setAutoWidth(true);
        subscribed
                .addColumn(
                        s -> getTranslation("notify.severity." + s.minSeverity().name()))
                .setHeader(getTranslation("notify.field.severity"))
                .setAutoWidth(true);
        subscribed
                .addColumn(s -> getTranslation(s.enabled() ? "notify.admin.on" : "notify.admin.off"))
                .setHeader(getTranslation("notify.field.enabled"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        subscribed
                .addComponentColumn(s -> {
                    Button edit = new Button(getTranslation("notify.admin.edit"), e -> edit(s));
                    edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    edit.addClassName("notify-edit");
                    Button remove = new Button(getTranslation("notify.admin.remove"), e -> {
                        subscriptions.remove(s.id());
                        refresh();
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                    remove.addClassName("notify-remove");
                    return new HorizontalLayout(edit, remove);
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        subscribed.setAllRowsVisible(true);
        subscribed.addClassName("notify-subscriptions");
        subscribed.setEmptyStateText(getTranslation("notify.admin.no-subscriptions"));
        return subscribed;
    }

    private Grid<NotificationRecords.Sent> sentGrid() {
        sent.addColumn(n -> time(n.createdAt()))
                .setHeader(getTranslation("notify.sent.queued"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sent.addColumn(n -> region.placeName(n.communeCode()) + " · " + getTranslation("level." + n.severity()))
                .setHeader(getTranslation("notify.sent.alert"))
                .setAutoWidth(true);
        sent.addColumn(n -> stepName(n.step()))
                .setHeader(getTranslation("notify.field.step"))
                .setAutoWidth(true);
        sent.addColumn(n -> getTranslation("notify.channel." + n.channel().name()))
                .setHeader(getTranslation("notify.field.channel"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sent.addColumn(n -> n.recipientName() == null ? n.recipient() : n.recipientName() + " · " + n.recipient())
                .setHeader(getTranslation("notify.sent.to"))
                .setAutoWidth(true);
        sent.addColumn(n -> getTranslation("notify.state." + n.state())
                        + (n.attempts() > 1 ? " · " + getTranslation("notify.sent.attempts", n.attempts()) : ""))
                .setHeader(getTranslation("notify.sent.state"))
                .setAutoWidth(true);
        sent.addColumn(n -> time(n.sentAt()))
                .setHeader(getTranslation("notify.sent.at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        sent.addColumn(n -> n.lastError() == null ? "" : n.lastError())
                .setHeader(getTranslation("notify.sent.error"))
                .setFlexGrow(1);
        sent.addClassName("notify-sent");
        sent.setEmptyStateText(getTranslation("notify.admin.nothing-sent"));
        sent.setHeight("28em");
        return sent;
    }

    private void save() {
        Subscription subscription = new Subscription(
                editing,
                name.getValue(),
                role.getValue(),
                channel.getValue(),
                address.getValue(),
                unit.getValue(),
                severity.getValue(),
                step.getValue() == null ? -1 : step.getValue(),
                enabled.getValue());
        List<String> problems = subscriptions.save(subscription);
        name.setInvalid(problems.contains("name"));
        address.setInvalid(problems.contains("address"));
        address.setErrorMessage(
                channel.getValue() == null
                        ? ""
                        : getTranslation(
                                "notify.address-hint." + channel.getValue().name()));
        unit.setInvalid(problems.contains("unit"));
        if (problems.isEmpty()) {
            Notification.show(getTranslation(editing == 0 ? "notify.admin.added" : "notify.admin.changed"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            clear();
            refresh();
        }
    }

    private void edit(Subscription s) {
        editing = s.id();
        name.setValue(s.name());
        role.setValue(s.role() == null ? "" : s.role());
        channel.setValue(s.channel());
        address.setValue(s.address());
        unit.setValue(s.unitCode() == null ? "" : s.unitCode());
        severity.setValue(s.minSeverity());
        step.setValue(s.step());
        enabled.setValue(s.enabled());
        save.setText(getTranslation("notify.admin.save"));
        cancel.setVisible(true);
    }

    private void clear() {
        editing = 0;
        name.clear();
        name.setInvalid(false);
        address.clear();
        address.setInvalid(false);
        role.setValue("");
        unit.setValue("");
        enabled.setValue(true);
        save.setText(getTranslation("notify.admin.add"));
        cancel.setVisible(false);
    }

    private void refresh() {
        subscribed.setItems(subscriptions.all());
        sent.setItems(
                query -> records.recent(null, query.getOffset(), query.getLimit()).stream(),
                query -> records.count(null));
    }

    private String stepName(int step) {
        return step == 0
                ? getTranslation("notify.step.now")
                : getTranslation(
                        "notify.step.later",
                        step,
                        settings.escalateAfter().multipliedBy(step).toMinutes());
    }

    private String unitName(String code) {
        return code == null || code.isEmpty()
                ? getTranslation("notify.admin.whole-region", region.name())
                : region.unit(code).map(Unit::name).orElse(code);
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ui.zone()));
    }
}
