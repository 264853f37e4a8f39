package vn.situationroom.intake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of the fields of one offered JSON object. Each read that fails adds a violation naming the field and
 * returns {@code null}, so that one pass over an object names every bad field at once.
 */
final class JsonFields {

    private final JsonNode object;
    private final String prefix;
    private final List<Violation> violations;
    private final boolean echoValues;

    /**
     * @param prefix the path of the object, prepended to every field name in a violation
     * @param echoValues whether messages may quote the offered value; never for personal data
     */
    JsonFields(JsonNode object, String prefix, List<Violation> violations, boolean echoValues) {
        this.object = object;
        this.prefix = prefix;
        this.violations = violations;
        this.echoValues = echoValues;
    }

    private String not(JsonNode value) {
        if (!echoValues) {
            return "";
        }
        String shown = value.toString();
        return ", not " + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown);
    }

    boolean has(String name) {
        JsonNode value = object.get(name);
        return !(value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank()));
    }

    JsonNode node(String name) {
        return object.get(name);
    }

    void violate(String name, String code, String message, Object... arguments) {
        violations.add(new Violation(prefix + name, code, message, List.of(arguments)));
    }

    void required(String name, String what) {
        violate(name, "required", "is required: " + what);
    }

    UUID uuid(String name) {
        if (!has(name)) {
            required(name, "a UUID that identifies this event");
            return null;
        }
        JsonNode value = node(name);
        try {
            if (value.isString()) {
                String text = value.asString().strip();
                // UUID.fromString accepts shortened groups such as 1-2-3-4-5; an id must be the canonical 36
                // characters.
                if (text.length() == 36) {
                    return UUID.fromString(text);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        violate(name, "invalid-format", "must be a UUID such as 0b6c3f0e-8f5d-4a59-9a51-3c1f2b7d9e10" + not(value));
        return null;
    }

    OffsetDateTime time(String name) {
        if (!has(name)) {
            required(name, "an ISO-8601 time with offset, such as 2026-03-15T08:30:00+07:00");
            return null;
        }
        JsonNode value = node(name);
        try {
            if (value.isString()) {
                return OffsetDateTime.parse(value.asString().strip());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violate(
                name,
                "invalid-format",
                "must be an ISO-8601 time with offset, such as 2026-03-15T08:30:00+07:00" + not(value));
        return null;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        if (!has(name)) {
            if (required) {
                String allowed = Arrays.toString(type.getEnumConstants());
                violate(name, "required", "is required: one of " + allowed, allowed);
            }
            return null;
        }
        JsonNode value = node(name);
        if (value.isString()) {
            Enum<?> constant = ENUM_CONSTANTS.get(type).get(value.asString().strip());
            if (constant != null) {
                return type.cast(constant);
            }
        }
        String allowed = Arrays.toString(type.getEnumConstants());
        violate(name, "unknown-value", "must be one of " + allowed + not(value), allowed);
        return null;
    }

    /** Each enum's constants by name, looked up once per type. */
    private static final ClassValue<Map<String, Enum<?>>> ENUM_CONSTANTS = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .map(c -> (Enum<?>) c)
                    .collect(Collectors.toUnmodifiableMap(Enum::name, c -> c));
        }
    };

    boolean bool(String name) {
        if (!has(name)) {
            return false;
        }
        JsonNode value = node(name);
        if (!value.isBoolean()) {
            violate(name, "invalid-format", "must be true or false" + not(value));
            return false;
        }
        return value.asBoolean();
    }

    Integer integer(String name, int min, int max, int absent) {
        if (!has(name)) {
            return absent;
        }
        JsonNode value = node(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            violate(name, "out-of-range", "must be a whole number from " + min + " to " + max + not(value), min, max);
            return null;
        }
        return value.asInt();
    }

    String text(String name, int maxLength) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node(name);
        if (!value.isString()) {
            violate(name, "invalid-format", "must be text" + not(value));
            return null;
        }
        String text = value.asString().strip();
        if (text.codePointCount(0, text.length()) > maxLength) {
            violate(
                    name,
                    "too-long",
                    "must be at most " + maxLength + " characters, not " + text.codePointCount(0, text.length()),
                    maxLength);
            return null;
        }
        if (hasUnpairedSurrogate(text)) {
            violate(name, "invalid-format", "must be valid Unicode text; it holds half of a character pair");
            return null;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            violate(name, "invalid-format", "must not contain control characters");
            return null;
        }
        return text;
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Names every field of the object that is not one of {@code known}. */
    void refuseUnknown(List<String> known, String whatIsKnown) {
        object.propertyNames().forEach(name -> {
            if (!known.contains(name)) {
                violate(name, "unknown-field", "is not a field of " + whatIsKnown + "; the fields are " + known);
            }
        });
    }
}
