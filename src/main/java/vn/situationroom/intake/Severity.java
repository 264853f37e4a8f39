package vn.situationroom.intake;

/** How serious a security incident is; the JSON code is the constant's name. */
public enum Severity {
    /** Gathering or noise, no violence, no obstruction. */
    MINOR,
    /** Disorder, incitement or obstruction of an office's work. */
    SERIOUS,
    /** Violence, or an attack on officials or property. */
    GRAVE
}
