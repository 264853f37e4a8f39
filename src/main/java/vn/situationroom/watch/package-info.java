/** The communes' watch lists of crowd delegations and prolonged complainants: from the events, and curated by hand. */
@ApplicationModule(allowedDependencies = {"hotspot", "region", "security", "ui"})
package vn.situationroom.watch;

import org.springframework.modulith.ApplicationModule;
