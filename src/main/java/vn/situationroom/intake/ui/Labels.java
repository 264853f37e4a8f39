package vn.situationroom.intake.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import vn.situationroom.intake.RowViolation;
import vn.situationroom.intake.Violation;

/** Translated labels of intake's codes: enum values, field names and violation codes, Vietnamese first. */
final class Labels {

    private final Component component;

    Labels(Component component) {
        this.component = component;
    }

    /** The label of an enum value, such as {@code enum.Field.LAND}. */
    String of(Enum<?> value) {
        return value == null
                ? ""
                : component.getTranslation("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** The label of an event field or CSV column, such as {@code field.headcount}. */
    String field(String name) {
        String key = "field." + name.replaceFirst("^\\[\\d+]\\.", "");
        String label = component.getTranslation(key);
        return label.startsWith("!") ? name : label;
    }

    /** A violation in the user's language, falling back to intake's English message for a code without a text. */
    String violation(Violation violation) {
        return message(violation.code(), violation.message(), violation.arguments());
    }

    String violation(RowViolation violation) {
        return message(violation.code(), violation.message(), violation.arguments());
    }

    private String message(String code, String english, List<Object> arguments) {
        String text = component.getTranslation("violation." + code, arguments.toArray());
        return text.startsWith("!") ? english : text;
    }
}
