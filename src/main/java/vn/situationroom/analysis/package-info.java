/**
 * Analysis: the analysts' back-testing of the detectors over a series they give or a commune's history, through the
 * same detection code as the live topology; and the space-time scan for clusters of neighbouring communes.
 */
@ApplicationModule(
        allowedDependencies = {
            "alerts",
            "detection",
            "election",
            "history",
            "hotspot",
            "intake",
            "live",
            "platform",
            "region",
            "report",
            "security",
            "ui"
        })
package vn.situationroom.analysis;

import org.springframework.modulith.ApplicationModule;
