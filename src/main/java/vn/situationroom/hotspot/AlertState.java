package vn.situationroom.hotspot;

/** Where an alert is in its life. */
public enum AlertState {
    /** Raised; nobody has taken it up yet. */
    OPEN,
    /** Someone took it up, with a note. */
    ACKNOWLEDGED,
    /** Handled by a person, or quiet for the quiet period. */
    RESOLVED
}
