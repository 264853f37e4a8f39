/**
 * Hotspot analytics: the Kafka Streams topology that turns reception events into a level per commune, and its
 * settings. It reads {@code reception-events} and owns {@code commune-hotspots}; it never touches the UI.
 */
package vn.situationroom.hotspot;
