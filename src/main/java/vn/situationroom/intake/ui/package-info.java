/**
 * Intake's screens: the reception officer's form and the CSV import. They offer events through the intake service
 * only, exactly as the REST endpoints do.
 */
package vn.situationroom.intake.ui;
