/**
 * The duty roster: who is on duty at which reception point, for which unit of the region, when; the wall screen shows
 * who is on duty now.
 */
@ApplicationModule(allowedDependencies = {"alerts", "election", "hotspot", "intake", "region", "security", "ui"})
package vn.situationroom.roster;

import org.springframework.modulith.ApplicationModule;
