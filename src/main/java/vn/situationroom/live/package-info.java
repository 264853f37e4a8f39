/**
 * The live feed: each app instance's in-memory copy of the current hotspot state, and the subscriptions through which
 * open dashboards get every change by push. It reads Kafka only; it never writes.
 */
@ApplicationModule(allowedDependencies = {"hotspot", "platform", "region", "security", "ui"})
package vn.situationroom.live;

import org.springframework.modulith.ApplicationModule;
