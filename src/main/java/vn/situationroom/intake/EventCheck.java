package vn.situationroom.intake;

import java.util.List;

/** The outcome of checking one offered event: either a valid event, or every reason it is not one. */
public sealed interface EventCheck {

    /**
     * The offered input is a valid event.
     *
     * @param event the event as it goes on the analytics topics: with the person's hash, never the person
     * @param person the citizen it names, or {@code null}; kept apart from the event
     */
    record Valid(ReceptionEvent event, Person person) implements EventCheck {}

    /** The offered input is not a valid event, for these reasons. */
    record Invalid(List<Violation> violations) implements EventCheck {

        public Invalid {
            violations = List.copyOf(violations);
        }

        /** The reasons in one line, for a log or a Kafka header. */
        public String summary() {
            return String.join(
                    "; ",
                    violations.stream().map(v -> v.field() + ": " + v.message()).toList());
        }
    }
}
