package vn.situationroom.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/**
 * Reads offered JSON into a {@link ReceptionEvent} and names every field that is missing or wrong. The REST intake
 * and the stream's own check of records written straight to Kafka use this one reader, so both accept the same.
 */
public final class ReceptionEventReader {

    /** How far in the future an event time may lie: clocks of reception points drift. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private final Predicate<String> communeExists;
    private final Clock clock;

    public ReceptionEventReader(Predicate<String> communeExists, Clock clock) {
        this.communeExists = communeExists;
        this.clock = clock;
    }

    /** A reader for a fixed set of commune codes (used by the stream, which must stay free of Spring). */
    public static ReceptionEventReader forCodes(Set<String> communeCodes, Clock clock) {
        return new ReceptionEventReader(Set.copyOf(communeCodes)::contains, clock);
    }

    /** Checks raw bytes, such as a Kafka record's value. */
    public EventCheck read(byte[] json) {
        if (json == null || json.length == 0) {
            return new EventCheck.Invalid(List.of(new Violation("$", "the event is empty; a JSON object is expected")));
        }
        try {
            return read(Json.MAPPER.readTree(json));
        } catch (JacksonException e) {
            return new EventCheck.Invalid(List.of(new Violation("$", "malformed JSON: " + e.getOriginalMessage())));
        }
    }

    /** Checks one parsed JSON value. */
    public EventCheck read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new EventCheck.Invalid(List.of(new Violation("$", "an event must be a JSON object")));
        }
        List<Violation> violations = new ArrayList<>();
        UUID eventId = eventId(node.get("eventId"), violations);
        OffsetDateTime occurredAt = occurredAt(node.get("occurredAt"), violations);
        String communeCode = communeCode(node.get("communeCode"), violations);
        EventType type = type(node.get("type"), violations);
        int headcount = headcount(node.get("headcount"), violations);
        if (!violations.isEmpty()) {
            return new EventCheck.Invalid(List.copyOf(violations));
        }
        return new EventCheck.Valid(new ReceptionEvent(eventId, occurredAt, communeCode, type, headcount));
    }

    private static UUID eventId(JsonNode value, List<Violation> violations) {
        if (isMissing(value)) {
            violations.add(new Violation("eventId", "is required: a UUID that identifies this event"));
            return null;
        }
        try {
            return value.isString() ? UUID.fromString(value.asString()) : invalidUuid(value, violations);
        } catch (IllegalArgumentException e) {
            return invalidUuid(value, violations);
        }
    }

    private static UUID invalidUuid(JsonNode value, List<Violation> violations) {
        violations.add(new Violation("eventId", "must be a UUID such as 0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10, not " + value));
        return null;
    }

    private OffsetDateTime occurredAt(JsonNode value, List<Violation> violations) {
        if (isMissing(value)) {
            violations.add(new Violation("occurredAt", "is required: an ISO-8601 time with offset, such as 2026-03-15T08:30:00+07:00"));
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.asString());
            OffsetDateTime latest = OffsetDateTime.now(clock).plus(MAX_FUTURE);
            if (time.isAfter(latest)) {
                violations.add(new Violation("occurredAt", "lies in the future (" + time + "); at most "
                        + MAX_FUTURE.toMinutes() + " minutes ahead of the server clock is accepted"));
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            violations.add(new Violation("occurredAt", "must be an ISO-8601 time with offset, such as "
                    + "2026-03-15T08:30:00+07:00, not " + value));
            return null;
        }
    }

    private String communeCode(JsonNode value, List<Violation> violations) {
        if (isMissing(value)) {
            violations.add(new Violation("communeCode", "is required: the code of a commune of the loaded region"));
            return null;
        }
        String code = value.isString() || value.isIntegralNumber() ? value.asString().strip() : "";
        if (!communeExists.test(code)) {
            violations.add(new Violation("communeCode", "is not a commune of the loaded region: " + value));
            return null;
        }
        return code;
    }

    private static EventType type(JsonNode value, List<Violation> violations) {
        if (isMissing(value)) {
            violations.add(new Violation("type", "is required: one of " + Arrays.toString(EventType.values())));
            return null;
        }
        try {
            return EventType.valueOf(value.asString(""));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("type", "must be one of " + Arrays.toString(EventType.values()) + ", not " + value));
            return null;
        }
    }

    private static int headcount(JsonNode value, List<Violation> violations) {
        if (isMissing(value)) {
            return 1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            violations.add(new Violation("headcount", "must be a whole number of people, at least 1, not " + value));
            return 0;
        }
        return value.asInt();
    }

    private static boolean isMissing(JsonNode value) {
        return value == null || value.isNull() || (value.isString() && value.asString().isBlank());
    }
}
