/**
 * Alerts: what people do with the alerts the analytics raise. Acknowledging and resolving go through one service that
 * writes a command to {@code alert-commands}; the analytics apply it, so every app instance sees the same state.
 */
@ApplicationModule(allowedDependencies = {"history", "hotspot", "live", "platform", "region", "security", "ui"})
package vn.situationroom.alerts;

import org.springframework.modulith.ApplicationModule;
