/** The analyst's drill-down: trends with the election's phases, the ranking, a commune's page, back-testing, exports. */
package vn.situationroom.ui.analysis;
