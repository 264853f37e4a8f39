package vn.situationroom.history;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.situationroom.hotspot.Indicators;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.Field;

/**
 * The counters of a commune's window, as the history stores them: one column of {@code commune_indicator} each, and
 * the name the REST API and the analysts' views use for it. The set is closed, so queries build their SQL from it and
 * never from a request's text.
 */
public enum Counter {
    EVENTS("events", "events"),
    VISITS("visits", "visits"),
    PETITIONS("petitions", "petitions"),
    PEOPLE("people", "people"),
    CROWDS("crowds", "crowds"),
    COMPLEX("complex", "complex"),
    CANDIDATE_RELATED("candidateRelated", "candidate_related"),
    INCIDENTS("incidents", "incidents"),
    ESCALATIONS("escalations", "escalations"),
    CASE_UPDATES("caseUpdates", "case_updates"),
    /** Distinct cases that came back within a window; summed over windows, a case counts once per window. */
    REPEAT_CASES("repeatCases", "repeat_cases"),
    CONTENT_COMPLAINT("content.COMPLAINT", "content_complaint"),
    CONTENT_DENUNCIATION("content.DENUNCIATION", "content_denunciation"),
    CONTENT_RECOMMENDATION("content.RECOMMENDATION", "content_recommendation"),
    CONTENT_REFLECTION("content.REFLECTION", "content_reflection"),
    CONTENT_MIXED("content.MIXED", "content_mixed"),
    FIELD_LAND("field.LAND", "field_land"),
    FIELD_COMPENSATION("field.COMPENSATION", "field_compensation"),
    FIELD_SOCIAL_POLICY("field.SOCIAL_POLICY", "field_social_policy"),
    FIELD_ELECTION_CANDIDATE("field.ELECTION_CANDIDATE", "field_election_candidate"),
    FIELD_OFFICIAL_MISCONDUCT("field.OFFICIAL_MISCONDUCT", "field_official_misconduct"),
    FIELD_ADMINISTRATION("field.ADMINISTRATION", "field_administration"),
    FIELD_OTHER("field.OTHER", "field_other");

    private final String apiName;
    private final String column;

    Counter(String apiName, String column) {
        this.apiName = apiName;
        this.column = column;
    }

    /** The name in the REST API: {@code visits}, {@code content.COMPLAINT}, {@code field.LAND}… */
    public String apiName() {
        return apiName;
    }

    /** The column of {@code commune_indicator} and of its weekly and monthly views. */
    public String column() {
        return column;
    }

    /** The counter of this API name. */
    public static Optional<Counter> byApiName(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName.equals(name)).findFirst();
    }

    /** Every API name, for error messages. */
    public static String apiNames() {
        return Arrays.stream(values()).map(Counter::apiName).collect(Collectors.joining(", "));
    }

    /** Every column, comma-separated, in declaration order. */
    static String columns() {
        return Arrays.stream(values()).map(Counter::column).collect(Collectors.joining(", "));
    }

    /** This counter's value in a window's indicators. */
    long of(Indicators counts) {
        return switch (this) {
            case EVENTS -> counts.events();
            case VISITS -> counts.visits();
            case PETITIONS -> counts.petitions();
            case PEOPLE -> counts.people();
            case CROWDS -> counts.crowds();
            case COMPLEX -> counts.complex();
            case CANDIDATE_RELATED -> counts.candidateRelated();
            case INCIDENTS -> counts.incidents();
            case ESCALATIONS -> counts.escalations();
            case CASE_UPDATES -> counts.caseUpdates();
            case REPEAT_CASES -> counts.repeatCases();
            case CONTENT_COMPLAINT -> counts.content().getOrDefault(Content.COMPLAINT, 0L);
            case CONTENT_DENUNCIATION -> counts.content().getOrDefault(Content.DENUNCIATION, 0L);
            case CONTENT_RECOMMENDATION -> counts.content().getOrDefault(Content.RECOMMENDATION, 0L);
            case CONTENT_REFLECTION -> counts.content().getOrDefault(Content.REFLECTION, 0L);
            case CONTENT_MIXED -> counts.content().getOrDefault(Content.MIXED, 0L);
            case FIELD_LAND -> counts.field().getOrDefault(Field.LAND, 0L);
            case FIELD_COMPENSATION -> counts.field().getOrDefault(Field.COMPENSATION, 0L);
            case FIELD_SOCIAL_POLICY -> counts.field().getOrDefault(Field.SOCIAL_POLICY, 0L);
            case FIELD_ELECTION_CANDIDATE -> counts.field().getOrDefault(Field.ELECTION_CANDIDATE, 0L);
            case FIELD_OFFICIAL_MISCONDUCT -> counts.field().getOrDefault(Field.OFFICIAL_MISCONDUCT, 0L);
            case FIELD_ADMINISTRATION -> counts.field().getOrDefault(Field.ADMINISTRATION, 0L);
            case FIELD_OTHER -> counts.field().getOrDefault(Field.OTHER, 0L);
        };
    }
}
