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
    REPEAT
}
