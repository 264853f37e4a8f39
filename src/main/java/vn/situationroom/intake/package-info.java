/**
 * Intake: the reception event, its validation, and the service through which every channel offers events (REST,
 * CSV import; the form and the import screen live in {@code intake.ui}, the simulator in its own feature). It owns
 * {@code reception-events}; what it refuses never reaches the topic.
 */
@ApplicationModule(allowedDependencies = {"platform", "region", "security", "ui"})
package vn.situationroom.intake;

import org.springframework.modulith.ApplicationModule;
