/**
 * Notify: alerts sent to people who are not looking at a screen, by email, webhook or SMS, up a chain of steps until
 * someone acknowledges. Each alert, step and recipient becomes one notification row in PostgreSQL (once, however many
 * instances see it), delivered, retried and recorded from there; the administrator manages the subscriptions.
 */
@ApplicationModule(
        allowedDependencies = {"election", "hotspot", "live", "platform", "region", "roster", "security", "ui"})
package vn.situationroom.notify;

import org.springframework.modulith.ApplicationModule;
