/**
 * The simulator: a seeded model of a district in an election period that writes realistic reception events through
 * intake, live, as backfill, or at a fixed rate for load tests. It hides its model; it only offers events.
 */
@ApplicationModule(allowedDependencies = {"election", "intake", "region"})
package vn.situationroom.simulator;

import org.springframework.modulith.ApplicationModule;
