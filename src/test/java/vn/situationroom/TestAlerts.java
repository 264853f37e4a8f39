package vn.situationroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.live.LiveAlerts;
import vn.situationroom.region.Commune;

/** Alerts made the way the product makes them: from an event sent through the REST API. */
public final class TestAlerts {

    private TestAlerts() {}

    /** Sends a serious incident in the commune now and waits for the CRITICAL alert it raises. */
    public static Alert critical(int port, LiveAlerts alerts, Commune commune) throws Exception {
        String at = OffsetDateTime.now(TestClock.at(ZoneOffset.ofHours(7)))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(new TestHttp(port)
                        .postJson("/api/v1/events", """
                {"eventId":"%s","occurredAt":"%s","communeCode":"%s","receptionPoint":"COMMUNE_OFFICE",\
                "type":"INCIDENT","severity":"SERIOUS","headcount":3}""".formatted(UUID.randomUUID(), at, commune.code()))
                        .statusCode())
                .isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> alerts.active().stream()
                                .filter(a ->
                                        a.communeCode().equals(commune.code()) && a.severity() == HotspotLevel.CRITICAL)
                                .findFirst()
                                .orElse(null),
                        a -> a != null);
    }
}
