package vn.situationroom.hotspot;

/** The rules that raise alerts; the JSON code is the constant's name. */
public enum AlertRule {
    /** A visit or gathering of at least the crowd threshold. */
    CROWD,
    /** A security incident at a reception point or office. */
    INCIDENT,
    /** A denunciation concerning an election candidate. */
    CANDIDATE,
    /** Citizens of the commune went to the province or the central level. */
    ESCALATION,
    /** The same case came back again and again. */
    REPEAT,
    /** A case's legal deadline is days away. */
    CASE_DUE_SOON(false),
    /** A case's legal deadline has passed. */
    CASE_OVERDUE(false),
    /** A day of the election period has nobody on duty at the district office. */
    ROSTER_GAP(false),
    /**
     * Neighbouring communes together show an excess over their last days (the space-time scan): found by a check,
     * about what is forming on the ground, so shown with the alerts of events.
     */
    CLUSTER(false);

    private final boolean fromEvents;

    AlertRule() {
        this(true);
    }

    AlertRule(boolean fromEvents) {
        this.fromEvents = fromEvents;
    }

    /**
     * Whether events raise it: such an alert resolves itself after the quiet period. The others stand for a condition
     * (a case late, a day without duty) that the app checks; they are raised once and end when the condition does or a
     * person resolves them.
     */
    public boolean fromEvents() {
        return fromEvents;
    }

    /** Whether it is about what is forming on the ground (the police map's alerts): an alert of events, or a cluster. */
    public boolean onTheGround() {
        return fromEvents || this == CLUSTER;
    }
}
