package vn.situationroom.intake;

/**
 * One problem with offered input, named by the JSON path of the field it concerns.
 *
 * @param field the field's path, such as {@code communeCode} or {@code [3].headcount}; {@code $} for the whole input
 * @param message what is wrong and what would be right
 */
public record Violation(String field, String message) {

    /** The same problem, with the field path placed under an array element. */
    Violation at(int index) {
        return new Violation("[" + index + "]" + (field.equals("$") ? "" : "." + field), message);
    }
}
