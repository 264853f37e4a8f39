/**
 * The election calendar: election day and the phase of the election period a date falls in. Detectors, the simulator
 * and the dashboards ask it; it depends on nothing.
 */
@ApplicationModule(allowedDependencies = {})
package vn.situationroom.election;

import org.springframework.modulith.ApplicationModule;
