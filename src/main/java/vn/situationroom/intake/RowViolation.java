package vn.situationroom.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A problem in one row of an imported file.
 *
 * @param row the row's number as a spreadsheet shows it (the header is row 1); 0 for the file as a whole
 * @param field the column, or the field's path such as {@code person.phone}; {@code $} for the whole row or file
 * @param code a stable machine code of the kind of problem, as in {@link Violation}
 * @param message what is wrong and what would be right
 * @param arguments the values the message names, for a translated message
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RowViolation(long row, String field, String code, String message, List<Object> arguments) {

    public RowViolation {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A problem whose message names no values that a translation would need. */
    public RowViolation(long row, String field, String code, String message) {
        this(row, field, code, message, List.of());
    }

    static RowViolation of(long row, Violation violation) {
        return new RowViolation(row, violation.field(), violation.code(), violation.message(), violation.arguments());
    }
}
