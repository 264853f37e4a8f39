package vn.situationroom.intake;

/** The state a case update reports; the JSON code is the constant's name. */
public enum CaseStatus {
    /** The case was accepted for handling (thụ lý). */
    ACCEPTED,
    /** A dialogue with the citizens was held (đối thoại). */
    DIALOGUE,
    /** A resolution was issued. */
    RESOLVED,
    /** The decision is legally in force. */
    DECISION_IN_FORCE
}
