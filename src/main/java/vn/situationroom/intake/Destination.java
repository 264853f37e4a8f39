package vn.situationroom.intake;

/** Where citizens of a commune went to complain above the district; the JSON code is the constant's name. */
public enum Destination {
    /** The province's bodies. */
    PROVINCE,
    /** The central bodies in Hanoi. */
    CENTRAL_HANOI,
    /** The central bodies' offices in Ho Chi Minh City. */
    CENTRAL_HCMC;

    /** Whether this is the central level, which the steering group treats as graver than the province. */
    public boolean isCentral() {
        return this != PROVINCE;
    }
}
