package vn.situationroom.intake.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.Destination;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.IntakeService;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.intake.Severity;
import vn.situationroom.intake.Violation;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.ui.UiProperties;
import jakarta.annotation.security.RolesAllowed;
import vn.situationroom.security.Roles;
import vn.situationroom.ui.ViewerCommunes;

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

    private final ComboBox<EventType> type = new ComboBox<>();
    private final DateTimePicker occurredAt = new DateTimePicker();
    private final ComboBox<Commune> commune = new ComboBox<>();
    private final ComboBox<ReceptionPoint> receptionPoint = new ComboBox<>();
    private final IntegerField headcount = new IntegerField();
    private final ComboBox<Content> content = new ComboBox<>();
    private final ComboBox<Field> field = new ComboBox<>();
    private final ComboBox<Severity> severity = new ComboBox<>();
    private final ComboBox<Destination> destination = new ComboBox<>();
    private final ComboBox<CaseStatus> status = new ComboBox<>();
    private final Checkbox complex = new Checkbox();
    private final Checkbox candidateRelated = new Checkbox();
    private final TextField caseRef = new TextField();
    private final TextArea summary = new TextArea();
    private final TextField personName = new TextField();
    private final TextField personIdNumber = new TextField();
    private final TextField personPhone = new TextField();
    private final TextField personAddress = new TextField();
    private final Details person = new Details();
    private final Grid<RecentEntry> recent = new Grid<>();

    public IntakeView(IntakeService intake, Region region, UiProperties settings) {
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

        setUpFields();
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2),
                new FormLayout.ResponsiveStep("1100px", 4));
        form.add(type, occurredAt, commune, receptionPoint, headcount, content, field, severity, destination, status,
                caseRef, complex, candidateRelated);
        form.add(summary, 4);
        FormLayout personForm = new FormLayout(personName, personIdNumber, personPhone, personAddress);
        personForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 4));
        person.setSummaryText(getTranslation("intake.person"));
        person.add(personForm);
        person.setWidthFull();

        Button record = new Button(getTranslation("intake.record"), e -> record());
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        record.setId("record");
        Button clear = new Button(getTranslation("intake.clear"), e -> clearForNext());
        HorizontalLayout actions = new HorizontalLayout(record, clear);

        recent.addColumn(e -> TIME.format(e.occurredAt())).setHeader(getTranslation("intake.recent.time"))
                .setAutoWidth(true);
        recent.addColumn(RecentEntry::commune).setHeader(getTranslation("field.communeCode")).setAutoWidth(true);
        recent.addColumn(e -> labels.of(e.type())).setHeader(getTranslation("field.type")).setAutoWidth(true);
        recent.addColumn(RecentEntry::headcount).setHeader(getTranslation("field.headcount")).setAutoWidth(true);
        recent.addColumn(RecentEntry::description).setHeader(getTranslation("intake.recent.what")).setFlexGrow(1);
        recent.addColumn(e -> e.eventId().substring(0, 8)).setHeader(getTranslation("intake.recent.id"))
                .setAutoWidth(true);
        recent.setAllRowsVisible(true);
        recent.setId("recent");
        recent.setItems(entries());

        add(header, form, person, actions, new H2(getTranslation("intake.recent.title")), recent);
        clearForNext();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("intake.page-title");
    }

    private void setUpFields() {
        // Ids follow the JSON field names, so that errors, tests and the REST contract speak of the same things.
        fieldsByName().forEach((name, component) -> {
            if (!name.equals("person")) {
                component.setId(name.replace('.', '-'));
            }
        });
        label(type, "type", EventType.values());
        type.setRequiredIndicatorVisible(true);
        type.addValueChangeListener(e -> showFieldsOf(e.getValue()));
        occurredAt.setLabel(labels.field("occurredAt"));
        occurredAt.setStep(Duration.ofMinutes(1));
        occurredAt.setRequiredIndicatorVisible(true);
        commune.setLabel(labels.field("communeCode"));
        // A district has a few dozen communes at most: filtered in the browser as the officer types, with no round trip.
        ViewerCommunes.limit(commune, region);
        commune.setItemLabelGenerator(Commune::fullName);
        commune.setRequiredIndicatorVisible(true);
        label(receptionPoint, "receptionPoint", ReceptionPoint.values());
        receptionPoint.setRequiredIndicatorVisible(true);
        headcount.setLabel(labels.field("headcount"));
        headcount.setMin(1);
        headcount.setMax(ReceptionEventReader.MAX_HEADCOUNT);
        headcount.setStepButtonsVisible(true);
        label(content, "content", Content.values());
        label(field, "field", Field.values());
        label(severity, "severity", Severity.values());
        label(destination, "destination", Destination.values());
        label(status, "status", CaseStatus.values());
        complex.setLabel(labels.field("complex"));
        candidateRelated.setLabel(labels.field("candidateRelated"));
        caseRef.setLabel(labels.field("caseRef"));
        caseRef.setMaxLength(ReceptionEventReader.MAX_CASE_REF);
        summary.setLabel(labels.field("summary"));
        summary.setMaxLength(ReceptionEventReader.MAX_SUMMARY);
        summary.setValueChangeMode(ValueChangeMode.EAGER);
        summary.addValueChangeListener(e -> summary.setHelperText(
                e.getValue().length() + "/" + ReceptionEventReader.MAX_SUMMARY));
        personName.setLabel(labels.field("person.name"));
        personIdNumber.setLabel(labels.field("person.idNumber"));
        personPhone.setLabel(labels.field("person.phone"));
        personAddress.setLabel(labels.field("person.address"));
    }

    @SafeVarargs
    private <E extends Enum<E>> void label(ComboBox<E> box, String name, E... values) {
        box.setLabel(labels.field(name));
        box.setItems(values);
        box.setItemLabelGenerator(labels::of);
        box.setClearButtonVisible(true);
    }

    /** Shows only the fields that the type of event has. */
    private void showFieldsOf(EventType eventType) {
        boolean asks = eventType == null || eventType == EventType.VISIT || eventType == EventType.PETITION;
        content.setVisible(asks);
        field.setVisible(asks || eventType == EventType.CASE_UPDATE);
        content.setRequiredIndicatorVisible(eventType != null && asks);
        field.setRequiredIndicatorVisible(eventType != null && asks);
        severity.setVisible(eventType == EventType.INCIDENT);
        destination.setVisible(eventType == EventType.ESCALATION);
        status.setVisible(eventType == EventType.CASE_UPDATE);
        caseRef.setRequiredIndicatorVisible(eventType == EventType.CASE_UPDATE);
    }

    private void record() {
        clearErrors();
        EventCheck check = intake.check(toJson());
        switch (check) {
            case EventCheck.Invalid invalid -> showErrors(invalid.violations());
            case EventCheck.Valid valid -> {
                try {
                    intake.submit(List.of(valid));
                } catch (IntakeService.PublishFailedException e) {
                    notify(getTranslation("intake.not-stored"), NotificationVariant.LUMO_ERROR);
                    return;
                }
                var event = valid.event();
                List<RecentEntry> entries = entries();
                entries.addFirst(new RecentEntry(event.eventId().toString(),
                        event.occurredAt().atZoneSameInstant(settings.zone()).toLocalDateTime(),
                        commune.getValue().fullName(), event.type(), event.headcount(), describe(event)));
                if (entries.size() > 20) {
                    entries.removeLast();
                }
                recent.setItems(entries);
                notify(getTranslation("intake.recorded", commune.getValue().fullName()),
                        NotificationVariant.LUMO_SUCCESS);
                clearForNext();
            }
        }
    }

    private String describe(ReceptionEvent event) {
        List<String> parts = new ArrayList<>();
        for (Enum<?> value : new Enum<?>[] {event.content(), event.field(), event.severity(), event.destination(),
                event.status()}) {
            if (value != null) {
                parts.add(labels.of(value));
            }
        }
        if (event.caseRef() != null) {
            parts.add(event.caseRef());
        }
        return String.join(" · ", parts);
    }

    /** The form as the JSON object a REST client would send. */
    private ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("eventId", UUID.randomUUID().toString());
        if (occurredAt.getValue() != null) {
            json.put("occurredAt", occurredAt.getValue().atZone(settings.zone()).toOffsetDateTime().toString());
        }
        if (commune.getValue() != null) {
            json.put("communeCode", commune.getValue().code());
        }
        putEnum(json, "receptionPoint", receptionPoint.getValue());
        putEnum(json, "type", type.getValue());
        if (headcount.getValue() != null) {
            json.put("headcount", headcount.getValue());
        }
        for (ComboBox<? extends Enum<?>> box : List.of(content, field, severity, destination, status)) {
            if (box.isVisible()) {
                putEnum(json, fieldName(box), box.getValue());
            }
        }
        json.put("complex", complex.getValue());
        json.put("candidateRelated", candidateRelated.getValue());
        putText(json, "caseRef", caseRef.getValue());
        putText(json, "summary", summary.getValue());
        ObjectNode personJson = JsonNodeFactory.instance.objectNode();
        putText(personJson, "name", personName.getValue());
        putText(personJson, "idNumber", personIdNumber.getValue());
        putText(personJson, "phone", personPhone.getValue());
        putText(personJson, "address", personAddress.getValue());
        if (!personJson.isEmpty()) {
            json.set("person", personJson);
        }
        return json;
    }

    private void showErrors(List<Violation> violations) {
        Map<String, Component> fields = fieldsByName();
        List<String> elsewhere = new ArrayList<>();
        for (Violation violation : violations) {
            Component component = fields.get(violation.field());
            if (component instanceof HasValidation target) {
                target.setErrorMessage(labels.violation(violation));
                target.setInvalid(true);
            } else {
                elsewhere.add(labels.field(violation.field()) + ": " + labels.violation(violation));
            }
        }
        if (violations.stream().anyMatch(v -> v.field().startsWith("person"))) {
            person.setOpened(true);
        }
        notify(getTranslation("intake.invalid", violations.size())
                + (elsewhere.isEmpty() ? "" : " " + String.join("; ", elsewhere)), NotificationVariant.LUMO_ERROR);
    }

    private Map<String, Component> fieldsByName() {
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("occurredAt", occurredAt);
        fields.put("communeCode", commune);
        fields.put("receptionPoint", receptionPoint);
        fields.put("headcount", headcount);
        fields.put("content", content);
        fields.put("field", field);
        fields.put("severity", severity);
        fields.put("destination", destination);
        fields.put("status", status);
        fields.put("caseRef", caseRef);
        fields.put("summary", summary);
        fields.put("person", personName);
        fields.put("person.name", personName);
        fields.put("person.idNumber", personIdNumber);
        fields.put("person.phone", personPhone);
        fields.put("person.address", personAddress);
        return fields;
    }

    private String fieldName(Component box) {
        return fieldsByName().entrySet().stream().filter(e -> e.getValue() == box).findFirst().orElseThrow().getKey();
    }

    private void clearErrors() {
        fieldsByName().values().forEach(c -> {
            if (c instanceof HasValidation target) {
                target.setInvalid(false);
            }
        });
    }

    /** Empties the form for the next citizen, keeping the reception point, and puts the cursor on the first field. */
    private void clearForNext() {
        ReceptionPoint point = receptionPoint.getValue();
        for (HasValue<?, ?> value : List.<HasValue<?, ?>>of(type, commune, content, field, severity, destination,
                status, complex, candidateRelated, caseRef, summary, personName, personIdNumber, personPhone,
                personAddress)) {
            value.clear();
        }
        // A commune's officer records for their own commune only.
        ViewerCommunes.limit(commune, region);
        clearErrors();
        receptionPoint.setValue(point != null ? point : ReceptionPoint.DISTRICT_OFFICE);
        headcount.setValue(1);
        occurredAt.setValue(LocalDateTime.now(settings.zone()).truncatedTo(ChronoUnit.MINUTES));
        person.setOpened(false);
        showFieldsOf(null);
        type.focus();
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

    private static void putEnum(ObjectNode json, String name, Enum<?> value) {
        if (value != null) {
            json.put(name, value.name());
        }
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.put(name, value.strip());
        }
    }

    /** One recorded event as the officer's list shows it. */
    record RecentEntry(String eventId, LocalDateTime occurredAt, String commune, EventType type, int headcount,
            String description) {}
}
