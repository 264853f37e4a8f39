/**
 * Intake: the reception event, its validation, and the channels through which events arrive (REST now; the intake
 * form and CSV import later). It owns {@code reception-events}; what it refuses never reaches the topic.
 */
package vn.situationroom.intake;
