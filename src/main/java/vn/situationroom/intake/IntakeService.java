package vn.situationroom.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import vn.situationroom.intake.ReceptionEventReader.Source;
import vn.situationroom.security.Viewer;

/**
 * The one way into {@code reception-events} for every channel of intake (REST, CSV import, the intake form, the
 * simulator): checks offered events with the shared reader, then writes the accepted ones all at once.
 */
public class IntakeService {

    private final ReceptionEventReader reader;
    private final ReceptionEventPublisher publisher;
    private final Clock clock;
    private final Supplier<CaseUpdateRules> caseRules;

    IntakeService(
            ReceptionEventReader reader,
            ReceptionEventPublisher publisher,
            Clock clock,
            Supplier<CaseUpdateRules> caseRules) {
        this.reader = reader;
        this.publisher = publisher;
        this.clock = clock;
        this.caseRules = caseRules;
    }

    /**
     * Checks offered events, one result per element in order. An element that repeats an earlier element's id with
     * different content is invalid (which of the two is meant?); an exact repeat is valid and written once.
     */
    public List<EventCheck> check(List<JsonNode> offered) {
        return check(offered, done -> {});
    }

    /** Checks offered events as {@link #check(List)} does, telling {@code progress} how many are done every so often. */
    public List<EventCheck> check(List<JsonNode> offered, IntConsumer progress) {
        List<EventCheck> checks = new ArrayList<>(offered.size());
        Map<UUID, Integer> firstIndexOfId = new HashMap<>();
        for (int i = 0; i < offered.size(); i++) {
            if (i % 500 == 0) {
                progress.accept(i);
            }
            EventCheck check = reader.read(offered.get(i), Source.CLIENT);
            if (check instanceof EventCheck.Valid valid) {
                Integer first = firstIndexOfId.putIfAbsent(valid.event().eventId(), i);
                if (first != null && !checks.get(first).equals(valid)) {
                    check = new EventCheck.Invalid(List.of(new Violation(
                            "eventId",
                            "duplicate-id",
                            "repeats the id of element " + first + " with different content; an id names one event",
                            List.of(first))));
                }
            }
            checks.add(check);
        }
        refuseBrokenCaseSteps(checks);
        progress.accept(offered.size());
        return checks;
    }

    /** A person's or a token's case updates keep the cases' rules, whatever the channel; the app's own are not asked. */
    private void refuseBrokenCaseSteps(List<EventCheck> checks) {
        CaseUpdateRules rules = caseRules.get();
        if (rules == null || Viewer.current() == Viewer.NOBODY) {
            return;
        }
        List<Integer> indexes = new ArrayList<>();
        List<ReceptionEvent> events = new ArrayList<>();
        boolean anyUpdate = false;
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i) instanceof EventCheck.Valid valid) {
                indexes.add(i);
                events.add(valid.event());
                anyUpdate |= valid.event().type() == EventType.CASE_UPDATE;
            }
        }
        if (!anyUpdate) {
            return;
        }
        rules.refusals(events)
                .forEach((index, violation) ->
                        checks.set(indexes.get(index), new EventCheck.Invalid(List.of(violation))));
    }

    /** Checks one offered event. */
    public EventCheck check(JsonNode offered) {
        return check(List.of(offered)).getFirst();
    }

    /**
     * Writes valid events, stamped with the time intake accepted them, in one transaction; returns the ids written,
     * each once.
     *
     * @throws PublishFailedException when the broker did not commit them; nothing was written then, and the caller
     *     may offer the same events again
     */
    public List<UUID> submit(List<EventCheck.Valid> accepted) {
        // A commune's officer records for their own commune only, whatever a screen or a file says.
        Viewer.current()
                .communes(accepted.stream()
                        .map(v -> v.event().communeCode())
                        .distinct()
                        .toList());
        Instant now = clock.instant();
        Map<UUID, EventCheck.Valid> byId = new LinkedHashMap<>();
        for (EventCheck.Valid valid : accepted) {
            byId.putIfAbsent(
                    valid.event().eventId(), new EventCheck.Valid(valid.event().withRecordedAt(now), valid.person()));
        }
        publisher.publish(List.copyOf(byId.values()));
        CaseUpdateRules rules = caseRules.get();
        if (rules != null && Viewer.current() != Viewer.NOBODY) {
            List<ReceptionEvent> updates = byId.values().stream()
                    .map(EventCheck.Valid::event)
                    .filter(event -> event.type() == EventType.CASE_UPDATE)
                    .toList();
            if (!updates.isEmpty()) {
                rules.written(updates);
            }
        }
        return List.copyOf(byId.keySet());
    }

    /** The broker could not take the events; nothing of them was written, and the caller must offer them again. */
    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
