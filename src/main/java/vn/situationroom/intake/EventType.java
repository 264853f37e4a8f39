package vn.situationroom.intake;

/** What kind of fact a reception event records; the JSON code is the constant's name. */
public enum EventType {
    /** A citizen or a delegation received at a reception point (lượt tiếp). */
    VISIT,
    /** A petition or letter received (đơn thư). */
    PETITION,
    /** A security incident at a reception point or office: gathering, disorder, incitement. */
    INCIDENT,
    /** Citizens of the commune went to the province or the central level. */
    ESCALATION,
    /** A change in a case: accepted, dialogue held, resolved, decision in force. */
    CASE_UPDATE
}
