/**
 * Notify: alerts sent to people who are not looking at a screen. A CRITICAL alert becomes one notification row per
 * recipient and channel in PostgreSQL (once, however many instances see it), and the rows are delivered, retried and
 * recorded from there.
 */
@ApplicationModule(allowedDependencies = {"election", "hotspot", "live", "platform", "region"})
package vn.situationroom.notify;

import org.springframework.modulith.ApplicationModule;
