/**
 * The daily situation report (Báo cáo tình hình) for the steering group: the day's totals against the week before,
 * each commune with its level and reason, the alerts and how they were handled, and the map, as PDF and DOCX.
 */
@ApplicationModule(allowedDependencies = {"cases", "election", "history", "hotspot", "platform", "region", "security"})
package vn.situationroom.report;

import org.springframework.modulith.ApplicationModule;
