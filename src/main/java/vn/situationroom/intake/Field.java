package vn.situationroom.intake;

/** The field a case concerns (lĩnh vực); the JSON code is the constant's name. */
public enum Field {
    /** Land: most cases in the Mekong delta. */
    LAND,
    /** Compensation, support and resettlement. */
    COMPENSATION,
    /** Policy and social welfare. */
    SOCIAL_POLICY,
    /** Candidates of the election. */
    ELECTION_CANDIDATE,
    /** Corruption and misconduct of officials. */
    OFFICIAL_MISCONDUCT,
    /** Administrative procedures. */
    ADMINISTRATION,
    /** Anything else. */
    OTHER
}
