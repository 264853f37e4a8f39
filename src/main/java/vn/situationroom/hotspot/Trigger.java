package vn.situationroom.hotspot;

/**
 * A rule's verdict on one event: raise (or merge into) an alert of this rule and severity, for this reason.
 *
 * @param rule the rule
 * @param severity how serious
 * @param reason the numbers behind it
 */
record Trigger(AlertRule rule, HotspotLevel severity, Reason reason) {}
