package vn.situationroom.hotspot;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.ReceptionEvent;

/**
 * What one commune's window has seen: the counters of {@code commune-indicators}.
 *
 * @param events every event
 * @param visits reception visits
 * @param petitions petitions and letters
 * @param people the sum of the headcounts
 * @param content visits and petitions by content
 * @param field visits and petitions by field
 * @param crowds visits and gatherings of at least the crowd threshold
 * @param complex events marked complex or prolonged
 * @param candidateRelated events concerning an election candidate
 * @param incidents security incidents
 * @param escalations escalations to the province or the centre
 * @param caseUpdates case updates
 * @param repeatCases the distinct cases that came back in the window (seen before within the repeat span)
 */
public record Indicators(long events, long visits, long petitions, long people, Map<Content, Long> content,
        Map<Field, Long> field, long crowds, long complex, long candidateRelated, long incidents, long escalations,
        long caseUpdates, TreeSet<String> repeatCases) {

    public Indicators {
        content = content == null ? new EnumMap<>(Content.class) : new EnumMap<>(content);
        field = field == null ? new EnumMap<>(Field.class) : new EnumMap<>(field);
        repeatCases = repeatCases == null ? new TreeSet<>() : new TreeSet<>(repeatCases);
    }

    static Indicators empty() {
        return new Indicators(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, null);
    }

    /** These counters with one more event; {@code crowd} and {@code repeatCase} are the detectors' judgement of it. */
    Indicators add(ReceptionEvent event, boolean crowd, boolean repeatCase) {
        Map<Content, Long> byContent = new EnumMap<>(content);
        Map<Field, Long> byField = new EnumMap<>(field);
        if (event.content() != null) {
            byContent.merge(event.content(), 1L, Long::sum);
        }
        if (event.field() != null) {
            byField.merge(event.field(), 1L, Long::sum);
        }
        TreeSet<String> repeats = new TreeSet<>(repeatCases);
        if (repeatCase) {
            repeats.add(event.caseRef());
        }
        EventType type = event.type();
        return new Indicators(events + 1,
                visits + (type == EventType.VISIT ? 1 : 0),
                petitions + (type == EventType.PETITION ? 1 : 0),
                people + event.headcount(), byContent, byField,
                crowds + (crowd ? 1 : 0),
                complex + (event.complex() ? 1 : 0),
                candidateRelated + (event.candidateRelated() ? 1 : 0),
                incidents + (type == EventType.INCIDENT ? 1 : 0),
                escalations + (type == EventType.ESCALATION ? 1 : 0),
                caseUpdates + (type == EventType.CASE_UPDATE ? 1 : 0),
                repeats);
    }
}
