/**
 * The election calendar: election day and the phase of the election period a date falls in. Detectors, the simulator
 * and the dashboards ask it; it depends on nothing.
 */
package vn.situationroom.election;
