package vn.situationroom.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/**
 * Reads offered JSON into a {@link ReceptionEvent} and names every field that is missing or wrong. Every channel (REST,
 * CSV import, the intake form, the simulator, and the stream's own check of records written straight to Kafka) uses
 * this one reader, so all of them accept the same events with the same messages.
 */
public final class ReceptionEventReader {

    /** How far in the future an event time may lie: clocks of reception points drift. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    /**
     * How old an event may be by default, as long as the history keeps its records: the analytics revise the windows
     * of a late event up to this far back (a complaint received years ago and recorded now, an import of last year's
     * reception book); an older event is refused rather than left out of a count.
     */
    public static final Duration MAX_AGE = Duration.ofDays(3650);
    /** The longest summary, in characters. */
    public static final int MAX_SUMMARY = 2000;
    /** The longest case reference, in characters. */
    public static final int MAX_CASE_REF = 64;
    /** More people than this in one event is a typing error, not a delegation. */
    public static final int MAX_HEADCOUNT = 100_000;

    /** Where the offered JSON comes from, which decides the fields intake itself sets. */
    public enum Source {
        /** A client of intake (REST, CSV, the form): may send the person, must not send what intake sets. */
        CLIENT,
        /**
         * A record on {@code reception-events}: may carry what intake set ({@code recordedAt}, {@code personHash}), and
         * must not carry the person, which every consumer of the topic could read.
         */
        TOPIC
    }

    static final List<String> FIELDS = List.of(
            "eventId",
            "occurredAt",
            "recordedAt",
            "communeCode",
            "receptionPoint",
            "type",
            "content",
            "field",
            "headcount",
            "complex",
            "candidateRelated",
            "caseRef",
            "summary",
            "severity",
            "destination",
            "status",
            "person",
            "personHash");
    static final List<String> PERSON_FIELDS = List.of("name", "idNumber", "phone", "address");

    private final Predicate<String> communeExists;
    private final PersonHasher personHasher;
    private final Clock clock;
    private final Duration maxAge;
    private final PlainEventReader plain;

    /**
     * @param communeExists whether a code is a commune of the loaded region
     * @param personHasher hashes the person of a client's event; {@code null} for a reader of the topic only
     * @param clock the clock that decides what lies in the future, and what is too old
     * @param maxAge how old an event may be
     */
    public ReceptionEventReader(
            Predicate<String> communeExists, PersonHasher personHasher, Clock clock, Duration maxAge) {
        this.communeExists = communeExists;
        this.personHasher = personHasher;
        this.clock = clock;
        this.maxAge = maxAge;
        this.plain = new PlainEventReader(communeExists, this);
    }

    /** A reader of records on the topic for a fixed set of commune codes (the stream's, which stays free of Spring). */
    public static ReceptionEventReader forTopic(Set<String> communeCodes, Clock clock, Duration maxAge) {
        return new ReceptionEventReader(Set.copyOf(communeCodes)::contains, null, clock, maxAge);
    }

    /**
     * Checks a record of {@code reception-events}: its value must be a valid event without personal data, and its key
     * the event's commune code, because the key decides the partition that holds the commune's state.
     */
    public EventCheck readRecord(String key, byte[] value) {
        EventCheck check = read(value, Source.TOPIC);
        if (check instanceof EventCheck.Valid valid
                && !valid.event().communeCode().equals(key)) {
            return new EventCheck.Invalid(List.of(new Violation(
                    "key",
                    "key-mismatch",
                    "the record key must be the commune code " + valid.event().communeCode() + ", not " + key)));
        }
        return check;
    }

    /** Checks raw bytes, such as a Kafka record's value. */
    public EventCheck read(byte[] json, Source source) {
        if (json == null || json.length == 0) {
            return invalid("$", "empty", "the event is empty; a JSON object is expected");
        }
        // Most events are plain and valid: read them without a tree; anything else is read again below.
        ReceptionEvent event = plain.read(json, source);
        if (event != null) {
            return new EventCheck.Valid(event, null);
        }
        try {
            return read(Json.MAPPER.readTree(json), source);
        } catch (JacksonException e) {
            return invalid("$", "malformed-json", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Checks one parsed JSON value. */
    public EventCheck read(JsonNode node, Source source) {
        if (node == null || !node.isObject()) {
            return invalid("$", "not-an-object", "an event must be a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        JsonFields fields = new JsonFields(node, "", violations, true);
        fields.refuseUnknown(FIELDS, "a reception event");

        UUID eventId = fields.uuid("eventId");
        OffsetDateTime occurredAt = notTooOld(fields, notInFuture(fields, fields.time("occurredAt")));
        Instant recordedAt = recordedAt(fields, source);
        String communeCode = communeCode(fields);
        ReceptionPoint receptionPoint = fields.enumValue("receptionPoint", ReceptionPoint.class, true);
        EventType type = fields.enumValue("type", EventType.class, true);
        boolean asksSomething = type == EventType.VISIT || type == EventType.PETITION;
        Content content = fields.enumValue("content", Content.class, asksSomething);
        Field field = fields.enumValue("field", Field.class, asksSomething);
        Integer headcount = fields.integer("headcount", 1, MAX_HEADCOUNT, 1);
        boolean complex = fields.bool("complex");
        boolean candidateRelated = fields.bool("candidateRelated");
        String caseRef = fields.text("caseRef", MAX_CASE_REF);
        String summary = fields.text("summary", MAX_SUMMARY);
        Severity severity = onlyFor(fields, type, EventType.INCIDENT, "severity", Severity.class);
        Destination destination = onlyFor(fields, type, EventType.ESCALATION, "destination", Destination.class);
        CaseStatus status = onlyFor(fields, type, EventType.CASE_UPDATE, "status", CaseStatus.class);
        if (type == EventType.CASE_UPDATE && !fields.has("caseRef")) {
            fields.required("caseRef", "a case update names the case it updates");
        }
        Person person = PersonFields.read(fields, source, violations);
        String personHash = personHash(fields, source, person);

        if (!violations.isEmpty()) {
            return new EventCheck.Invalid(violations);
        }
        return new EventCheck.Valid(
                ReceptionEventBuilder.builder()
                        .eventId(eventId)
                        .occurredAt(occurredAt)
                        .recordedAt(recordedAt)
                        .communeCode(communeCode)
                        .receptionPoint(receptionPoint)
                        .type(type)
                        .content(content)
                        .field(field)
                        .headcount(headcount)
                        .complex(complex)
                        .candidateRelated(candidateRelated)
                        .caseRef(caseRef)
                        .summary(summary)
                        .severity(severity)
                        .destination(destination)
                        .status(status)
                        .personHash(personHash)
                        .build(),
                person);
    }

    private OffsetDateTime notInFuture(JsonFields fields, OffsetDateTime time) {
        if (time != null && time.isAfter(OffsetDateTime.now(clock).plus(MAX_FUTURE))) {
            fields.violate(
                    "occurredAt",
                    "future",
                    "lies in the future (" + time + "); at most " + MAX_FUTURE.toMinutes()
                            + " minutes ahead of the server clock is accepted",
                    MAX_FUTURE.toMinutes());
            return null;
        }
        return time;
    }

    /** Whether an event time is neither too far in the future nor older than the oldest event taken. */
    boolean isRecent(OffsetDateTime time) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return !time.isAfter(now.plus(MAX_FUTURE)) && !time.isBefore(now.minus(maxAge));
    }

    private OffsetDateTime notTooOld(JsonFields fields, OffsetDateTime time) {
        if (time != null && time.isBefore(OffsetDateTime.now(clock).minus(maxAge))) {
            fields.violate(
                    "occurredAt",
                    "too-old",
                    "lies more than " + maxAge.toDays() + " days in the past (" + time
                            + "); the analytics count events up to that far back (situationroom.intake.max-event-age)",
                    maxAge.toDays());
            return null;
        }
        return time;
    }

    private static Instant recordedAt(JsonFields fields, Source source) {
        if (!fields.has("recordedAt")) {
            return null;
        }
        if (source == Source.CLIENT) {
            fields.violate("recordedAt", "set-by-intake", "is set by intake when it accepts the event; leave it out");
            return null;
        }
        OffsetDateTime time = fields.time("recordedAt");
        return time == null ? null : time.toInstant();
    }

    private String communeCode(JsonFields fields) {
        if (!fields.has("communeCode")) {
            fields.required("communeCode", "the code of a commune of the loaded region");
            return null;
        }
        JsonNode value = fields.node("communeCode");
        String code =
                value.isString() || value.isIntegralNumber() ? value.asString().strip() : "";
        if (!communeExists.test(code)) {
            fields.violate("communeCode", "unknown-commune", "is not a commune of the loaded region: " + value);
            return null;
        }
        return code;
    }

    /** A field that belongs to one type of event: required there, refused on every other type. */
    private static <E extends Enum<E>> E onlyFor(
            JsonFields fields, EventType type, EventType owner, String name, Class<E> values) {
        if (type == owner || type == null) {
            return fields.enumValue(name, values, type == owner);
        }
        if (fields.has(name)) {
            fields.violate(name, "not-applicable", "applies to " + owner + " events only, not to " + type, owner);
        }
        return null;
    }

    private String personHash(JsonFields fields, Source source, Person person) {
        if (source == Source.CLIENT) {
            if (fields.has("personHash")) {
                fields.violate("personHash", "set-by-intake", "is set by intake from the person; leave it out");
            }
            return person == null || personHasher == null ? null : personHasher.hash(person);
        }
        String hash = fields.text("personHash", 64);
        if (hash != null && !hash.matches("[0-9a-f]{64}")) {
            fields.violate("personHash", "invalid-format", "must be 64 lower-case hex digits");
            return null;
        }
        return hash;
    }

    private static EventCheck invalid(String field, String code, String message) {
        return new EventCheck.Invalid(List.of(new Violation(field, code, message)));
    }
}
