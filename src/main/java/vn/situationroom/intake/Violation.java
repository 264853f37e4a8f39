package vn.situationroom.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One problem with offered input, named by the JSON path of the field it concerns.
 *
 * @param field the field's path, such as {@code communeCode}, {@code person.phone} or {@code [3].headcount};
 *     {@code $} for the whole input
 * @param code a stable machine code of the kind of problem, such as {@code required} or {@code unknown-value}; screens
 *     translate it, clients may branch on it
 * @param message what is wrong and what would be right, in English
 * @param arguments the values the message names (a limit, the allowed values), for a translated message
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Violation(String field, String code, String message, List<Object> arguments) {

    public Violation {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A problem whose message names no values that a translation would need. */
    public Violation(String field, String code, String message) {
        this(field, code, message, List.of());
    }

    /** The same problem, with the field path placed under an array element. */
    public Violation at(int index) {
        return new Violation("[" + index + "]" + (field.equals("$") ? "" : "." + field), code, message, arguments);
    }
}
