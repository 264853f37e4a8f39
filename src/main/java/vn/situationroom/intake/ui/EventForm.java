package vn.situationroom.intake.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
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
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.ReceptionEventReader;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.intake.Severity;
import vn.situationroom.intake.Violation;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.ui.UiProperties;
import vn.situationroom.ui.ViewerCommunes;

/**
 * The intake form: one reception event as an officer records it, with only the fields its type has, every field
 * named as in the REST contract (its id is the JSON field), the person in a part of its own; read as the JSON object a
 * REST client would send, and marked field by field with the problems intake's reader names.
 */
final class EventForm extends VerticalLayout {

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

    private final Clock clock;

    EventForm(Region region, UiProperties settings, Clock clock) {
        this.clock = clock;
        this.region = region;
        this.settings = settings;
        setPadding(false);
        setUpFields();
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("640px", 2),
                new FormLayout.ResponsiveStep("1100px", 4));
        form.add(
                type,
                occurredAt,
                commune,
                receptionPoint,
                headcount,
                content,
                field,
                severity,
                destination,
                status,
                caseRef,
                complex,
                candidateRelated);
        form.add(summary, 4);
        FormLayout personForm = new FormLayout(personName, personIdNumber, personPhone, personAddress);
        personForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 4));
        person.setSummaryText(getTranslation("intake.person"));
        person.add(personForm);
        person.setWidthFull();
        add(form, person);
    }

    /** The commune picked, by its full name. */
    String communeName() {
        return commune.getValue() == null ? "" : commune.getValue().fullName();
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
        // A district has a few dozen communes at most: filtered in the browser as the officer types, with no round
        // trip.
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
        summary.addValueChangeListener(
                e -> summary.setHelperText(e.getValue().length() + "/" + ReceptionEventReader.MAX_SUMMARY));
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

    /** The form as the JSON object a REST client would send. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("eventId", UUID.randomUUID().toString());
        if (occurredAt.getValue() != null) {
            json.put(
                    "occurredAt",
                    occurredAt
                            .getValue()
                            .atZone(settings.zone())
                            .toOffsetDateTime()
                            .toString());
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

    /**
     * Marks each bad field with its problem, opens the person's part where it has one, and returns the problems of
     * fields the form does not show, in words.
     */
    List<String> showErrors(List<Violation> violations) {
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
        return elsewhere;
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
        return fieldsByName().entrySet().stream()
                .filter(e -> e.getValue() == box)
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    void clearErrors() {
        fieldsByName().values().forEach(c -> {
            if (c instanceof HasValidation target) {
                target.setInvalid(false);
            }
        });
    }

    /** Empties the form for the next citizen, keeping the reception point, and puts the cursor on the first field. */
    void clearForNext() {
        ReceptionPoint point = receptionPoint.getValue();
        for (HasValue<?, ?> value : List.<HasValue<?, ?>>of(
                type,
                commune,
                content,
                field,
                severity,
                destination,
                status,
                complex,
                candidateRelated,
                caseRef,
                summary,
                personName,
                personIdNumber,
                personPhone,
                personAddress)) {
            value.clear();
        }
        // A commune's officer records for their own commune only.
        ViewerCommunes.limit(commune, region);
        clearErrors();
        receptionPoint.setValue(point != null ? point : ReceptionPoint.DISTRICT_OFFICE);
        headcount.setValue(1);
        occurredAt.setValue(LocalDateTime.now(clock.withZone(settings.zone())).truncatedTo(ChronoUnit.MINUTES));
        person.setOpened(false);
        showFieldsOf(null);
        type.focus();
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
}
