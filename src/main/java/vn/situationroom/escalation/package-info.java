/**
 * The escalations board: the district's citizens who went to the province or the central level, the commune
 * responsible, and what was done (reported, contacted, brought home).
 */
@ApplicationModule(allowedDependencies = {"election", "region", "security", "ui"})
package vn.situationroom.escalation;

import org.springframework.modulith.ApplicationModule;
