package vn.situationroom.intake;

/** Where the citizen or the letter was received; the JSON code is the constant's name. */
public enum ReceptionPoint {
    /** The district's citizen reception office (Ban Tiếp công dân huyện). */
    DISTRICT_OFFICE,
    /** A commune's People's Committee. */
    COMMUNE_OFFICE,
    /** The district or commune police. */
    POLICE,
    /** A provincial body. */
    PROVINCE,
    /** A central body in Hanoi. */
    CENTRAL_HANOI,
    /** A central body's office in Ho Chi Minh City. */
    CENTRAL_HCMC,
    /** Anywhere else. */
    OTHER
}
