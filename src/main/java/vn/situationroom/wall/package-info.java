/**
 * The wall screen for the steering group: the district's figures, the newest alerts, who is on duty, the hottest
 * communes and the map and trend in rotation, for a screen nobody touches.
 */
@ApplicationModule(
        allowedDependencies = {
            "analysis",
            "election",
            "history",
            "hotspot",
            "intake",
            "live",
            "platform",
            "region",
            "roster",
            "security",
            "ui"
        })
package vn.situationroom.wall;

import org.springframework.modulith.ApplicationModule;
