package vn.situationroom.security;

import java.util.List;

/** What an API token lets a machine client do; each is granted as the authority {@code SCOPE_<name>}. */
public final class Scopes {

    /** Send reception events: {@code POST /api/v1/events} and the CSV import. */
    public static final String EVENTS_WRITE = "events:write";
    /** Read the history, the alerts, the cases (without personal data), detections and the daily report. */
    public static final String HISTORY_READ = "history:read";
    /** Acknowledge and resolve alerts. */
    public static final String ALERTS_WRITE = "alerts:write";
    /** Record a case's steps (a case update through any channel), as the district office does. */
    public static final String CASES_WRITE = "cases:write";
    /** Read the metrics under {@code /actuator/metrics}. */
    public static final String METRICS_READ = "metrics:read";

    /** Every scope a token can be given. */
    public static final List<String> ALL = List.of(EVENTS_WRITE, CASES_WRITE, HISTORY_READ, ALERTS_WRITE, METRICS_READ);

    private Scopes() {}

    /** The authority that stands for a scope. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
