package vn.situationroom.ui;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboards.
 *
 * @param zone the time zone in which times are shown to users
 * @param tileUrl an optional map tile URL template (such as a tile server inside the control room's network); empty
 *     draws the commune shapes alone, which works with no network at all
 * @param alertSound whether the police map may sound a new CRITICAL alert (the officer still switches it on there,
 *     as browsers play sound only after a click)
 * @param wallRotation how long the wall screen shows its map before it turns to its trend panel, and back; 0 keeps the
 *     map (a screen's address may set its own: {@code /wall?rotate=30}, in seconds)
 * @param analyticsBehindAfter how long the figures from the stream may be behind what was taken in before the wall
 *     says so in a banner, with how many events and since when
 */
@ConfigurationProperties("situationroom.ui")
public record UiProperties(
        @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @DefaultValue("") String tileUrl,
        @DefaultValue("true") boolean alertSound,
        @DefaultValue("0s") Duration wallRotation,
        @DefaultValue("1m") Duration analyticsBehindAfter) {}
