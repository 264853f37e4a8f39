package vn.situationroom.intake;

import java.util.List;

/** The outcome of checking one offered event: either a valid event, or every reason it is not one. */
public sealed interface EventCheck {

    /** The offered input is a valid event. */
    record Valid(ReceptionEvent event) implements EventCheck {}

    /** The offered input is not a valid event, for these reasons. */
    record Invalid(List<Violation> violations) implements EventCheck {

        /** The reasons in one line, for a log or a Kafka header. */
        public String summary() {
            return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
        }
    }
}
