/**
 * Analysis: the analysts' back-testing of the detectors over a series they give or a commune's history, through the
 * same detection code as the live topology.
 */
package vn.situationroom.analysis;
