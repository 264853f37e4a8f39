package vn.situationroom.security;

import java.util.List;

/**
 * The roles of the steering group's officers, as names usable in {@code @RolesAllowed}. A user has one or more;
 * {@link #KIOSK} belongs to wall screens that signed in with a kiosk token, never to a person.
 */
public final class Roles {

    /** The district's leadership: the wall and the overview, the daily report. */
    public static final String LEADERSHIP = "LEADERSHIP";
    /** Police command: the hotspot map, acknowledging and resolving alerts. */
    public static final String POLICE = "POLICE";
    /** The inspection office: analysis, cases, and the personal data of the cases it handles. */
    public static final String INSPECTION = "INSPECTION";
    /** The district office: intake, cases, the duty roster. */
    public static final String OFFICE = "OFFICE";
    /** A commune's officer: intake and every view, limited to the user's own commune. */
    public static final String COMMUNE = "COMMUNE";
    /** A reception officer: intake only. */
    public static final String RECEPTION_OFFICER = "RECEPTION_OFFICER";
    /** Manages users, tokens and reads the audit log. */
    public static final String ADMIN = "ADMIN";
    /** A wall screen signed in with a kiosk token: the wall only. */
    public static final String KIOSK = "KIOSK";

    /** The roles a user can be given, in the order the screens list them. */
    public static final List<String> ASSIGNABLE =
            List.of(LEADERSHIP, POLICE, INSPECTION, OFFICE, COMMUNE, RECEPTION_OFFICER, ADMIN);

    private Roles() {}
}
