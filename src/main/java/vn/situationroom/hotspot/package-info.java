/**
 * Hotspot analytics: the Kafka Streams topology that turns reception events into a level per commune, and its
 * settings. It reads {@code reception-events} and owns {@code commune-hotspots}; it never touches the UI.
 */
@ApplicationModule(allowedDependencies = {"detection", "election", "intake", "platform", "region"})
package vn.situationroom.hotspot;

import org.springframework.modulith.ApplicationModule;
