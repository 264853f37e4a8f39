package vn.situationroom.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import vn.situationroom.platform.Json;

/**
 * The common case, read fast: a valid event without a person, straight from its bytes with Jackson's streaming parser,
 * checked by the same rules as {@link ReceptionEventReader}, without building a tree. Whatever is unusual (a field it
 * does not know, a null, a blank or padded value, a value of another JSON type, anything that breaks a rule) makes it
 * give up with {@code null}, and the full reader reads the event again and names what is wrong. So it never accepts
 * what the full reader refuses, nor reads a value differently: {@code PlainEventReaderTests} holds them side by side.
 */
final class PlainEventReader {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Predicate<String> communeExists;
    private final ReceptionEventReader rules;

    PlainEventReader(Predicate<String> communeExists, ReceptionEventReader rules) {
        this.communeExists = communeExists;
        this.rules = rules;
    }

    /** The event, or {@code null} when the full reader must look at it. */
    ReceptionEvent read(byte[] json, ReceptionEventReader.Source source) {
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            return parse(parser, source);
        } catch (JacksonException | DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private ReceptionEvent parse(JsonParser parser, ReceptionEventReader.Source source) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        UUID eventId = null;
        OffsetDateTime occurredAt = null;
        Instant recordedAt = null;
        String communeCode = null;
        ReceptionPoint receptionPoint = null;
        EventType type = null;
        Content content = null;
        Field field = null;
        int headcount = 1;
        boolean complex = false;
        boolean candidateRelated = false;
        String caseRef = null;
        String summary = null;
        Severity severity = null;
        Destination destination = null;
        CaseStatus status = null;
        String personHash = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                switch (name) {
                    case "complex" -> complex = token == JsonToken.VALUE_TRUE;
                    case "candidateRelated" -> candidateRelated = token == JsonToken.VALUE_TRUE;
                    default -> {
                        return null;
                    }
                }
                continue;
            }
            if (token == JsonToken.VALUE_NUMBER_INT
                    && name.equals("headcount")
                    && parser.getNumberType() == JsonParser.NumberType.INT) {
                headcount = parser.getIntValue();
                if (headcount < 1 || headcount > ReceptionEventReader.MAX_HEADCOUNT) {
                    return null;
                }
                continue;
            }
            if (token != JsonToken.VALUE_STRING) {
                return null;
            }
            String value = parser.getString();
            if (value.isBlank() || !value.equals(value.strip())) {
                return null;
            }
            switch (name) {
                case "eventId" -> {
                    if (value.length() != 36) {
                        return null;
                    }
                    eventId = UUID.fromString(value);
                }
                case "occurredAt" -> occurredAt = IsoTimes.parse(value);
                case "recordedAt" -> {
                    if (source != ReceptionEventReader.Source.TOPIC) {
                        return null;
                    }
                    recordedAt = IsoTimes.parse(value).toInstant();
                }
                case "communeCode" -> communeCode = value;
                case "receptionPoint" -> receptionPoint = ReceptionPoint.valueOf(value);
                case "type" -> type = EventType.valueOf(value);
                case "content" -> content = Content.valueOf(value);
                case "field" -> field = Field.valueOf(value);
                case "caseRef" -> caseRef = plainText(value, ReceptionEventReader.MAX_CASE_REF);
                case "summary" -> summary = plainText(value, ReceptionEventReader.MAX_SUMMARY);
                case "severity" -> severity = Severity.valueOf(value);
                case "destination" -> destination = Destination.valueOf(value);
                case "status" -> status = CaseStatus.valueOf(value);
                case "personHash" -> {
                    if (source != ReceptionEventReader.Source.TOPIC
                            || !HASH.matcher(value).matches()) {
                        return null;
                    }
                    personHash = value;
                }
                default -> {
                    return null; // a person, or a field the full reader must name
                }
            }
            if ((caseRef == null && name.equals("caseRef")) || (summary == null && name.equals("summary"))) {
                return null;
            }
        }
        if (parser.nextToken() != null
                || eventId == null
                || occurredAt == null
                || communeCode == null
                || receptionPoint == null
                || type == null
                || !communeExists.test(communeCode)
                || !rules.isRecent(occurredAt)) {
            return null;
        }
        boolean asksSomething = type == EventType.VISIT || type == EventType.PETITION;
        if ((asksSomething && (content == null || field == null))
                || (severity == null) == (type == EventType.INCIDENT)
                || (destination == null) == (type == EventType.ESCALATION)
                || (status == null) == (type == EventType.CASE_UPDATE)
                || (type == EventType.CASE_UPDATE && caseRef == null)) {
            return null;
        }
        return new ReceptionEvent(
                eventId,
                occurredAt,
                recordedAt,
                communeCode,
                receptionPoint,
                type,
                content,
                field,
                headcount,
                complex,
                candidateRelated,
                caseRef,
                summary,
                severity,
                destination,
                status,
                personHash);
    }

    /** A text as the full reader keeps it, or {@code null} where it would refuse it. */
    private static String plainText(String text, int maxLength) {
        if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return null; // a pair is fine, but the full reader tells
            }
        }
        return text;
    }
}
