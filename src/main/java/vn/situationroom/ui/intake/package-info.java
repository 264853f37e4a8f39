/**
 * Intake's screens: the reception officer's form and the CSV import. They offer events through intake's service
 * only, exactly as the REST endpoints do.
 */
package vn.situationroom.ui.intake;
