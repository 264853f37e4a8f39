package vn.situationroom.hotspot;

import java.util.EnumMap;
import java.util.Map;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.Field;

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
 * @param repeatCases how many distinct cases came back in the window: a case counts once in a window where one of its
 *     visits had another visit of it within the repeat span before it
 */
public record Indicators(
        long events,
        long visits,
        long petitions,
        long people,
        Map<Content, Long> content,
        Map<Field, Long> field,
        long crowds,
        long complex,
        long candidateRelated,
        long incidents,
        long escalations,
        long caseUpdates,
        long repeatCases) {

    public Indicators {
        content = content == null ? new EnumMap<>(Content.class) : new EnumMap<>(content);
        field = field == null ? new EnumMap<>(Field.class) : new EnumMap<>(field);
    }

    static Indicators empty() {
        return new Indicators(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0);
    }
}
