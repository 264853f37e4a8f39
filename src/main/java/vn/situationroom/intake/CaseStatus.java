package vn.situationroom.intake;

/** The state a case update reports; the JSON code is the constant's name. */
public enum CaseStatus {
    /** The case was accepted for handling (thụ lý). */
    ACCEPTED,
    /** Accepting it was refused, with the reason in the update's summary (từ chối thụ lý); the case ends. */
    REJECTED,
    /** The handling agency is verifying and working on it (đang giải quyết). */
    IN_PROGRESS,
    /** A dialogue with the citizens was held (đối thoại). */
    DIALOGUE,
    /**
     * A denunciation's term was extended by 30 days, with the reason in the update's summary (gia hạn): once for a
     * complex case, twice for an especially complex one.
     */
    EXTENDED,
    /** A resolution was issued. */
    RESOLVED,
    /** The decision is legally in force. */
    DECISION_IN_FORCE
}
