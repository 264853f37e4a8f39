package vn.situationroom.hotspot;

/**
 * What flows into and out of the per-commune analytics: in, an event or a person's command about an alert; out,
 * indicators, an alert, or the commune's hotspot state. Exactly one component of each is set.
 */
final class HotspotFlow {

    private HotspotFlow() {}

    record In(vn.situationroom.intake.ReceptionEvent event, AlertCommand command) {}

    record Out(CommuneIndicators indicators, Alert alert, CommuneHotspot hotspot) {}
}
