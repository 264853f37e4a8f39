/**
 * The daily situation report (Báo cáo tình hình) for the steering group: the day's totals against the week before,
 * each commune with its level and reason, the alerts and how they were handled, and the map, as PDF and DOCX.
 */
package vn.situationroom.report;
