package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.Destination;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.IntakeTopics;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.intake.Severity;

/**
 * The whole topology with Kafka's test driver: every rule at its threshold and one below, alerts merging and taking
 * commands, windows closing by stream time and by the wall clock, late and repeated events, and the statistics.
 */
class HotspotTopologyTests {

    private static final String COMMUNE = "10001";
    private static final String OTHER = "10002";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate ELECTION_DAY = LocalDate.of(2026, 3, 15);
    /** 08:00 on 1 March 2026 in Vietnam, two weeks before election day. */
    private static final OffsetDateTime EIGHT = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(7));

    private HotspotSettings settings = HotspotSettings.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestInputTopic<String, AlertCommand> commands;
    private TestOutputTopic<String, CommuneHotspot> hotspots;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, CommuneIndicators> indicators;
    private TestOutputTopic<String, byte[]> rejected;

    @BeforeEach
    void startDriver() {
        startDriverAt(EIGHT.toInstant());
    }

    private void startDriverAt(Instant wallClock) {
        startDriverAt(wallClock, Set.of(COMMUNE, OTHER), 1);
    }

    /** The topology with a region of these communes, built for topics of this many partitions. */
    private void startDriverAt(Instant wallClock, Set<String> communes, int partitions) {
        if (driver != null) {
            driver.close();
        }
        driver = new TopologyTestDriver(
                HotspotTopology.buildTopology(
                        settings,
                        new ElectionCalendar(ELECTION_DAY, VIETNAM),
                        communes,
                        partitions,
                        Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)),
                wallClock);
        events = driver.createInputTopic(
                IntakeTopics.RECEPTION_EVENTS.name(),
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        commands = driver.createInputTopic(
                HotspotTopics.ALERT_COMMANDS.name(),
                Serdes.String().serializer(),
                HotspotTopics.ALERT_COMMANDS.valueSerde().serializer());
        hotspots = output(HotspotTopics.COMMUNE_HOTSPOTS.name(), HotspotTopics.COMMUNE_HOTSPOTS.valueSerde());
        alerts = output(HotspotTopics.ALERTS.name(), HotspotTopics.ALERTS.valueSerde());
        indicators = output(HotspotTopics.COMMUNE_INDICATORS.name(), HotspotTopics.COMMUNE_INDICATORS.valueSerde());
        rejected = driver.createOutputTopic(
                IntakeTopics.RECEPTION_EVENTS_REJECTED.name(),
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    private <V> TestOutputTopic<String, V> output(String name, org.apache.kafka.common.serialization.Serde<V> serde) {
        return driver.createOutputTopic(name, Serdes.String().deserializer(), serde.deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void a_delegation_of_four_is_no_crowd_five_is_a_warning_nine_too_and_ten_is_critical() {
        send(visit(EIGHT, 4));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(lastHotspot().level()).isEqualTo(HotspotLevel.NORMAL);

        send(visit(EIGHT.plusMinutes(1), 5));
        Alert crowd = alerts.readValue();
        assertThat(crowd.rule()).isEqualTo(AlertRule.CROWD);
        assertThat(crowd.severity()).isEqualTo(HotspotLevel.WARNING);
        CommuneHotspot hotspot = lastHotspot();
        assertThat(hotspot.level()).isEqualTo(HotspotLevel.WARNING);
        assertThat(hotspot.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo("CROWD");
            assertThat(reason.observed()).isEqualTo(5.0);
            assertThat(reason.threshold()).isEqualTo(5.0);
            assertThat(reason.alertId()).isEqualTo(crowd.alertId());
        });

        send(visit(EIGHT.plusMinutes(2), 9));
        assertThat(alerts.readValue().severity()).isEqualTo(HotspotLevel.WARNING);
        send(visit(EIGHT.plusMinutes(3), 10));
        Alert merged = alerts.readValue();
        assertThat(merged.alertId()).as("merged into the open alert").isEqualTo(crowd.alertId());
        assertThat(merged.count()).isEqualTo(3);
        assertThat(merged.severity()).isEqualTo(HotspotLevel.CRITICAL);
        assertThat(lastHotspot().level()).isEqualTo(HotspotLevel.CRITICAL);
    }

    @Test
    void any_incident_is_critical() {
        send(event(EventType.INCIDENT, EIGHT, 2, e -> e.severity = Severity.MINOR));

        assertThat(alerts.readValuesToList())
                .extracting(Alert::rule, Alert::severity)
                .containsExactly(tuple(AlertRule.INCIDENT, HotspotLevel.CRITICAL));
    }

    @Test
    void a_denunciation_about_a_candidate_is_a_warning_and_critical_in_the_last_ten_days() {
        OffsetDateTime elevenDaysBefore =
                ELECTION_DAY.minusDays(11).atTime(9, 0).atZone(VIETNAM).toOffsetDateTime();
        OffsetDateTime tenDaysBefore =
                ELECTION_DAY.minusDays(10).atTime(9, 0).atZone(VIETNAM).toOffsetDateTime();
        // The wall clock a minute before the second one: the first lies within the quiet period, so it is news.
        startDriverAt(tenDaysBefore.minusMinutes(1).toInstant());

        send(event(EventType.PETITION, elevenDaysBefore, 1, e -> {
            e.content = Content.COMPLAINT;
            e.candidateRelated = true;
        }));
        assertThat(alerts.isEmpty()).as("a complaint is not a denunciation").isTrue();
        send(event(EventType.PETITION, elevenDaysBefore, 1, e -> {
            e.content = Content.DENUNCIATION;
            e.field = Field.ELECTION_CANDIDATE;
        }));
        assertThat(alerts.readValue().severity()).isEqualTo(HotspotLevel.WARNING);
        send(event(EventType.PETITION, tenDaysBefore, 1, e -> {
            e.content = Content.DENUNCIATION;
            e.candidateRelated = true;
        }));
        assertThat(alerts.readValue().severity()).isEqualTo(HotspotLevel.CRITICAL);
    }

    @Test
    void citizens_gone_to_the_province_are_a_warning_and_to_the_centre_critical() {
        send(event(EventType.ESCALATION, EIGHT, 4, e -> e.destination = Destination.PROVINCE));
        Alert province = alerts.readValue();
        assertThat(province.severity()).isEqualTo(HotspotLevel.WARNING);

        send(event(EventType.ESCALATION, EIGHT.plusMinutes(5), 6, e -> e.destination = Destination.CENTRAL_HCMC));
        assertThat(alerts.readValue()).satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo(province.alertId());
            assertThat(alert.severity()).isEqualTo(HotspotLevel.CRITICAL);
        });
    }

    @Test
    void a_case_seen_three_times_within_thirty_days_is_a_repeat_and_twice_is_not() {
        send(caseVisit("KN-1", EIGHT.minusDays(40)));
        send(caseVisit("KN-1", EIGHT.minusDays(12)));
        send(caseVisit("KN-1", EIGHT));
        assertThat(alerts.isEmpty()).as("the first visit was 40 days ago").isTrue();

        send(event(EventType.CASE_UPDATE, EIGHT.plusMinutes(1), 1, e -> {
            e.caseRef = "KN-1";
            e.status = CaseStatus.ACCEPTED;
        }));
        assertThat(alerts.isEmpty()).as("a case update is not a visit").isTrue();

        send(caseVisit("KN-1", EIGHT.plusMinutes(2)));
        Alert repeat = alerts.readValue();
        assertThat(repeat.rule()).isEqualTo(AlertRule.REPEAT);
        assertThat(repeat.severity()).isEqualTo(HotspotLevel.WATCH);
        assertThat(repeat.reasons().getFirst().observed()).isEqualTo(3.0);
    }

    @Test
    void indicators_count_each_window_and_are_written_final_when_stream_time_passes_the_grace() {
        send(visit(EIGHT.plusMinutes(10), 6));
        send(event(EventType.PETITION, EIGHT.plusMinutes(20), 1, e -> e.content = Content.DENUNCIATION));
        send(event(EventType.INCIDENT, EIGHT.plusMinutes(30), 12, e -> e.severity = Severity.SERIOUS));

        List<CommuneIndicators> open = indicators.readValuesToList();
        CommuneIndicators hour = open.stream()
                .filter(i -> i.window() == CommuneIndicators.WindowSize.HOUR)
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(hour.isFinal()).isFalse();
        assertThat(hour.counts().events()).isEqualTo(3);
        assertThat(hour.counts().visits()).isEqualTo(1);
        assertThat(hour.counts().petitions()).isEqualTo(1);
        assertThat(hour.counts().people()).isEqualTo(19);
        assertThat(hour.counts().crowds()).isEqualTo(2);
        assertThat(hour.counts().incidents()).isEqualTo(1);
        assertThat(hour.counts().content())
                .containsEntry(Content.COMPLAINT, 1L)
                .containsEntry(Content.DENUNCIATION, 1L);

        send(visit(EIGHT.plusMinutes(69), 1));
        assertThat(indicators.readValuesToList()).noneMatch(CommuneIndicators::isFinal);
        send(visit(EIGHT.plusMinutes(70), 1));
        assertThat(indicators.readValuesToList())
                .filteredOn(CommuneIndicators::isFinal)
                .singleElement()
                .satisfies(last -> {
                    assertThat(last.window()).isEqualTo(CommuneIndicators.WindowSize.HOUR);
                    assertThat(last.windowStart()).isEqualTo(EIGHT.toInstant());
                    assertThat(last.counts().events()).isEqualTo(3);
                });
    }

    @Test
    void a_task_working_through_a_backlog_writes_its_windows_once_a_second_and_counts_every_event() {
        send(visit(EIGHT, 1));
        assertThat(hourIndicators(EIGHT))
                .as("one event is written at the next publication")
                .singleElement();
        hotspots.readValuesToList();

        int backlog = settings.busyEvents() + 50;
        for (int i = 1; i <= backlog; i++) {
            ReceptionEvent event = visit(EIGHT.plusSeconds(i), 1);
            events.pipeInput(COMMUNE, json(event), event.occurredAt().toInstant());
        }
        driver.advanceWallClockTime(settings.publishInterval());
        driver.advanceWallClockTime(
                settings.busyPublishInterval().minus(settings.publishInterval().multipliedBy(3)));
        assertThat(indicators.isEmpty())
                .as("a busy task waits for busy-publish-interval")
                .isTrue();
        assertThat(hotspots.isEmpty()).isTrue();

        driver.advanceWallClockTime(settings.publishInterval().multipliedBy(2));
        assertThat(hourIndicators(EIGHT))
                .as("the window once, with every event")
                .singleElement()
                .satisfies(hour -> assertThat(hour.counts().events()).isEqualTo(backlog + 1));
        assertThat(lastHotspot().events()).isEqualTo(backlog + 1);

        send(visit(EIGHT.plusMinutes(30), 1));
        assertThat(hourIndicators(EIGHT))
                .as("through the backlog, an event is written at the next publication again")
                .singleElement()
                .satisfies(hour -> assertThat(hour.counts().events()).isEqualTo(backlog + 2));
    }

    @Test
    void a_late_event_within_the_grace_counts_in_the_open_window_and_one_beyond_it_revises_the_closed_one() {
        send(visit(EIGHT.plusMinutes(50), 1));
        send(visit(EIGHT.plusMinutes(65), 1));
        send(visit(EIGHT.plusMinutes(59), 2));
        assertThat(hourIndicators(EIGHT).getLast()).as("within the grace").satisfies(open -> {
            assertThat(open.counts().people()).isEqualTo(3);
            assertThat(open.isFinal()).isFalse();
        });

        send(visit(EIGHT.plusMinutes(71), 1));
        assertThat(indicators.readValuesToList())
                .filteredOn(CommuneIndicators::isFinal)
                .singleElement()
                .satisfies(closed -> assertThat(closed.counts().people()).isEqualTo(3));
        send(visit(EIGHT.plusMinutes(58), 7));
        assertThat(hourIndicators(EIGHT))
                .as("closed, the late event revises it: final again, with its count")
                .singleElement()
                .satisfies(revised -> {
                    assertThat(revised.isFinal()).isTrue();
                    assertThat(revised.counts().people()).isEqualTo(10);
                    assertThat(revised.counts().events()).isEqualTo(3);
                });
    }

    @Test
    void events_in_shuffled_order_long_after_their_windows_closed_are_each_counted_once_in_their_windows() {
        // A backlog of three days, offered a day later in shuffled order: every window closed long before.
        startDriverAt(EIGHT.plusDays(4).toInstant());
        java.util.Random random = new java.util.Random(7);
        List<ReceptionEvent> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String commune = i % 3 == 0 ? OTHER : COMMUNE;
            backlog.add(new EventBuilder(
                            i % 5 == 0 ? EventType.PETITION : EventType.VISIT,
                            EIGHT.plusMinutes(random.nextInt(3 * 24 * 60)),
                            1 + random.nextInt(4),
                            commune)
                    .build());
        }
        java.util.Collections.shuffle(backlog, random);
        backlog.forEach(this::send);

        java.util.Map<String, long[]> latest = new java.util.HashMap<>();
        for (CommuneIndicators window : indicators.readValuesToList()) {
            assertThat(window.isFinal())
                    .as("a window of days ago is final whenever it is written")
                    .isTrue();
            latest.put(
                    window.communeCode() + "/" + window.window() + "/" + window.windowStart(),
                    new long[] {window.counts().events(), window.counts().people()});
        }
        java.util.Map<String, long[]> recount = new java.util.HashMap<>();
        for (ReceptionEvent event : backlog) {
            Instant hour = event.occurredAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            Instant day = event.occurredAt()
                    .atZoneSameInstant(VIETNAM)
                    .toLocalDate()
                    .atStartOfDay(VIETNAM)
                    .toInstant();
            for (String key : List.of(event.communeCode() + "/HOUR/" + hour, event.communeCode() + "/DAY/" + day)) {
                long[] counts = recount.computeIfAbsent(key, k -> new long[2]);
                counts[0]++;
                counts[1] += event.headcount();
            }
        }
        assertThat(latest.keySet()).isEqualTo(recount.keySet());
        recount.forEach(
                (window, counts) -> assertThat(latest.get(window)).as(window).containsExactly(counts));
    }

    @Test
    void an_event_read_in_another_partition_than_its_communes_is_counted_there_once() {
        // Three partitions: the test driver reads partition 0, and the test's commune belongs to another one, as an
        // event written by kcat (CRC32) rather than Kafka's partitioner may be.
        String away = java.util.stream.IntStream.range(10001, 10100)
                .mapToObj(String::valueOf)
                .filter(code -> Placement.owner(code, 3) != 0)
                .findFirst()
                .orElseThrow();
        startDriverAt(EIGHT.toInstant(), Set.copyOf(List.of(COMMUNE, away)), 3);

        ReceptionEvent crowd = visit(EIGHT.plusMinutes(5), 7, away);
        send(crowd);
        send(crowd);
        Alert alert = alerts.readValue();
        send(
                away,
                new AlertCommand(
                        UUID.randomUUID(),
                        alert.alertId(),
                        away,
                        AlertCommand.Action.ACKNOWLEDGE,
                        "chỉ huy",
                        null,
                        EIGHT.toInstant()));

        assertThat(hourIndicators(EIGHT))
                .extracting(i -> i.communeCode(), i -> i.counts().people())
                .containsExactly(tuple(away, 7L));
        assertThat(alerts.readValuesToList()).extracting(Alert::state).containsExactly(AlertState.ACKNOWLEDGED);
    }

    @Test
    void a_case_counts_once_in_each_window_it_came_back_in_however_its_visits_arrive() {
        // Two visits an hour apart, the second one offered first; and a third visit an hour later again.
        send(caseVisit("KN-2", EIGHT.plusHours(1)));
        send(caseVisit("KN-2", EIGHT));
        send(caseVisit("KN-2", EIGHT.plusHours(2)));
        send(caseVisit("KN-2", EIGHT.plusHours(2).plusMinutes(5)));

        java.util.Map<String, Long> repeats = new java.util.HashMap<>();
        indicators
                .readValuesToList()
                .forEach(window -> repeats.put(
                        window.window() + "@"
                                + window.windowStart().atZone(VIETNAM).toLocalTime(),
                        window.counts().repeatCases()));
        assertThat(repeats)
                .containsEntry("HOUR@08:00", 0L)
                .containsEntry("HOUR@09:00", 1L)
                .containsEntry("HOUR@10:00", 1L)
                .containsEntry("DAY@00:00", 1L);
    }

    @Test
    void every_state_value_stays_small_however_many_cases_and_days_a_commune_has_seen() {
        startDriverAt(EIGHT.plusDays(1).toInstant());
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 3000; i++) {
            int day = random.nextInt(90);
            // 1,500 cases, and one that comes back every day twice.
            String caseRef = i % 3 == 0 ? "KN-PROLONGED" : "KN-" + random.nextInt(1500);
            send(caseVisit(caseRef, EIGHT.minusDays(day).plusMinutes(random.nextInt(600))));
        }
        int stores = 0;
        long largest = 0;
        for (String name : HotspotTopology.ANALYTICS_STORES) {
            org.apache.kafka.streams.state.KeyValueStore<Object, Object> store = driver.getKeyValueStore(name);
            stores++;
            try (var all = store.all()) {
                while (all.hasNext()) {
                    Object value = all.next().value;
                    long size = value instanceof byte[] bytes
                            ? bytes.length
                            : value instanceof Alert alert
                                    ? HotspotTopics.ALERTS
                                            .valueSerde()
                                            .serializer()
                                            .serialize("", alert)
                                            .length
                                    : 8;
                    largest = Math.max(largest, size);
                }
            }
        }
        assertThat(stores).isEqualTo(7);
        assertThat(driver.getKeyValueStore(CommuneAnalytics.CASES).approximateNumEntries())
                .as("what grows with the cases is one entry per case")
                .isGreaterThan(1000);
        assertThat(largest).as("the largest state value, in bytes").isLessThan(4096);
    }

    @Test
    void the_same_event_id_twice_is_counted_once() {
        ReceptionEvent crowd = visit(EIGHT.plusMinutes(5), 6);
        send(crowd);
        send(crowd);

        assertThat(hourIndicators(EIGHT)).extracting(i -> i.counts().people()).containsExactly(6L);
        assertThat(alerts.readValuesToList())
                .singleElement()
                .satisfies(a -> assertThat(a.count()).isEqualTo(1));
    }

    @Test
    void a_quiet_communes_hour_closes_on_the_wall_clock_and_its_alert_resolves_after_the_quiet_period() {
        send(visit(EIGHT.plusMinutes(5), 6));
        Alert crowd = alerts.readValue();
        indicators.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(70));
        assertThat(indicators.readValuesToList())
                .filteredOn(CommuneIndicators::isFinal)
                .extracting(CommuneIndicators::window)
                .containsExactly(CommuneIndicators.WindowSize.HOUR);
        CommuneHotspot nextHour = lastHotspot();
        assertThat(nextHour.windowStart()).isEqualTo(EIGHT.plusHours(1).toInstant());
        assertThat(nextHour.events()).isZero();
        assertThat(nextHour.level()).as("the alert is still open").isEqualTo(HotspotLevel.WARNING);

        driver.advanceWallClockTime(Duration.ofHours(23));
        assertThat(alerts.readValue()).satisfies(resolved -> {
            assertThat(resolved.alertId()).isEqualTo(crowd.alertId());
            assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.resolvedBy()).isEqualTo(Alert.SYSTEM);
        });
        assertThat(lastHotspot().level()).isEqualTo(HotspotLevel.NORMAL);
        assertThat(indicators.readValuesToList())
                .filteredOn(CommuneIndicators::isFinal)
                .extracting(CommuneIndicators::window)
                .contains(CommuneIndicators.WindowSize.DAY);
    }

    @Test
    void an_acknowledged_alert_keeps_its_level_and_a_resolved_one_lets_it_fall() {
        send(event(EventType.INCIDENT, EIGHT, 3, e -> e.severity = Severity.GRAVE));
        Alert incident = alerts.readValue();

        command(incident, AlertCommand.Action.ACKNOWLEDGE, "Đội CSCĐ đã có mặt");
        assertThat(alerts.readValue()).satisfies(ack -> {
            assertThat(ack.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(ack.acknowledgedBy()).isEqualTo("chỉ huy");
            assertThat(ack.acknowledgeNote()).isEqualTo("Đội CSCĐ đã có mặt");
        });
        assertThat(lastHotspot().level()).isEqualTo(HotspotLevel.CRITICAL);

        command(incident, AlertCommand.Action.RESOLVE, "Đã giải tán");
        assertThat(alerts.readValue().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(lastHotspot().level()).isEqualTo(HotspotLevel.NORMAL);

        send(event(EventType.INCIDENT, EIGHT.plusMinutes(30), 3, e -> e.severity = Severity.MINOR));
        assertThat(alerts.readValue().alertId())
                .as("a new trigger after resolution opens a new alert")
                .isNotEqualTo(incident.alertId());
    }

    @Test
    void a_standing_condition_raises_its_alert_once_however_often_it_is_sent_and_does_not_resolve_when_quiet() {
        Reason overdue = new Reason(
                "CASE_OVERDUE",
                HotspotLevel.WATCH,
                2.0,
                null,
                null,
                null,
                "KN-7",
                "RESOLVE",
                LocalDate.of(2026, 2, 27));
        String id = "case-kn-7-resolve-2026-02-27";
        AlertCommand raise =
                AlertCommand.raise(id, COMMUNE, AlertRule.CASE_OVERDUE, HotspotLevel.WATCH, overdue, EIGHT.toInstant());
        send(COMMUNE, raise);
        Alert raised = alerts.readValue();
        assertThat(raised.alertId()).isEqualTo(id);
        assertThat(raised.rule()).isEqualTo(AlertRule.CASE_OVERDUE);
        assertThat(raised.state()).isEqualTo(AlertState.OPEN);
        assertThat(raised.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.subject()).isEqualTo("KN-7");
            assertThat(reason.date()).isEqualTo(LocalDate.of(2026, 2, 27));
            assertThat(reason.alertId()).isEqualTo(id);
        });
        assertThat(lastHotspot().level())
                .as("a late case is alerted, not a level of the ground")
                .isEqualTo(HotspotLevel.NORMAL);

        // Sent again (a restart, a second instance), and a crowd alert beside it: still one alert of the case.
        send(
                COMMUNE,
                AlertCommand.raise(
                        id,
                        COMMUNE,
                        AlertRule.CASE_OVERDUE,
                        HotspotLevel.WATCH,
                        overdue,
                        EIGHT.plusMinutes(10).toInstant()));
        send(visit(EIGHT.plusMinutes(11), 6));
        assertThat(alerts.readValuesToList()).extracting(Alert::rule).containsExactly(AlertRule.CROWD);

        assertThat(lastHotspot().reasons()).extracting(Reason::kind).containsExactly("CROWD");

        // Quiet for days, the crowd's alert resolves itself; the late case's stands.
        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(alerts.readValuesToList())
                .extracting(Alert::rule, Alert::state)
                .containsExactly(tuple(AlertRule.CROWD, AlertState.RESOLVED));
        assertThat(lastHotspot().level()).isEqualTo(HotspotLevel.NORMAL);

        command(raised, AlertCommand.Action.RESOLVE, "đã đôn đốc phòng Tài nguyên");
        assertThat(alerts.readValue().state()).isEqualTo(AlertState.RESOLVED);
        send(COMMUNE, raise);
        assertThat(alerts.isEmpty()).as("resolved once, never raised again").isTrue();
    }

    @Test
    void two_late_deadlines_of_one_case_are_two_alerts_each_ending_on_its_own() {
        Reason accept = new Reason(
                "CASE_OVERDUE",
                HotspotLevel.WATCH,
                20.0,
                null,
                null,
                null,
                "KN-8",
                "ACCEPT",
                LocalDate.of(2026, 1, 20));
        Reason resolve = new Reason(
                "CASE_OVERDUE",
                HotspotLevel.WATCH,
                1.0,
                null,
                null,
                null,
                "KN-8",
                "RESOLVE",
                LocalDate.of(2026, 2, 27));
        send(
                COMMUNE,
                AlertCommand.raise(
                        "kn-8-accept", COMMUNE, AlertRule.CASE_OVERDUE, HotspotLevel.WATCH, accept, EIGHT.toInstant()));
        // Accepted weeks late, on a day that makes its resolution late already: a second alert of the same case.
        send(
                COMMUNE,
                AlertCommand.raise(
                        "kn-8-resolve",
                        COMMUNE,
                        AlertRule.CASE_OVERDUE,
                        HotspotLevel.WATCH,
                        resolve,
                        EIGHT.plusMinutes(1).toInstant()));
        send(
                COMMUNE,
                new AlertCommand(
                        UUID.randomUUID(),
                        "kn-8-accept",
                        COMMUNE,
                        AlertCommand.Action.RESOLVE,
                        Alert.SYSTEM,
                        Alert.CONDITION_ENDED,
                        EIGHT.plusMinutes(2).toInstant()));

        assertThat(alerts.readValuesToList())
                .extracting(Alert::alertId, Alert::state)
                .containsExactly(
                        tuple("kn-8-accept", AlertState.OPEN),
                        tuple("kn-8-resolve", AlertState.OPEN),
                        tuple("kn-8-accept", AlertState.RESOLVED));
    }

    @Test
    void an_alert_about_the_whole_district_gives_no_commune_a_level() {
        Reason gap = new Reason(
                "ROSTER_GAP", HotspotLevel.WATCH, 7.0, null, null, null, null, null, ELECTION_DAY.minusDays(7));
        send(
                AlertCommand.DISTRICT,
                AlertCommand.raise(
                        "gap",
                        AlertCommand.DISTRICT,
                        AlertRule.ROSTER_GAP,
                        HotspotLevel.WATCH,
                        gap,
                        EIGHT.toInstant()));

        assertThat(alerts.readValue()).satisfies(alert -> {
            assertThat(alert.communeCode()).isEqualTo(AlertCommand.DISTRICT);
            assertThat(alert.rule()).isEqualTo(AlertRule.ROSTER_GAP);
        });
        assertThat(hotspots.isEmpty()).isTrue();
        send(
                AlertCommand.DISTRICT,
                new AlertCommand(
                        UUID.randomUUID(),
                        "gap",
                        AlertCommand.DISTRICT,
                        AlertCommand.Action.RESOLVE,
                        Alert.SYSTEM,
                        Alert.CONDITION_ENDED,
                        EIGHT.plusHours(1).toInstant()));
        assertThat(alerts.readValue().resolveNote()).isEqualTo(Alert.CONDITION_ENDED);
    }

    @Test
    void three_visits_on_a_sunday_when_sundays_are_quiet_are_flagged_by_the_weekday_model_which_ears_does_not_see() {
        OffsetDateTime today = EIGHT; // a Sunday
        assertThat(today.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
        int[] weekdays = {1, 2, 1, 3, 2, 2, 1};
        for (int day = 63; day >= 1; day--) {
            OffsetDateTime when = today.minusDays(day);
            int count = when.getDayOfWeek().getValue() >= 6 ? 0 : weekdays[day % weekdays.length];
            for (int i = 0; i < count; i++) {
                send(event(EventType.PETITION, when.plusMinutes(i), 1, e -> e.content = Content.REFLECTION));
            }
        }
        hotspots.readValuesToList();
        assertThat(alerts.isEmpty()).as("old history raises no alert").isTrue();

        for (int i = 0; i < 3; i++) {
            send(event(EventType.PETITION, today.plusMinutes(i), 1, e -> e.content = Content.REFLECTION));
        }

        CommuneHotspot hotspot = lastHotspot();
        assertThat(hotspot.level()).isEqualTo(HotspotLevel.WARNING);
        assertThat(hotspot.reasons())
                .extracting(Reason::kind)
                .as("EARS does not run by default: its 7-day baseline mixes weekdays into Sunday's")
                .containsExactly("FARRINGTON");
        assertThat(hotspot.reasons().getFirst()).satisfies(r -> {
            assertThat(r.observed()).isEqualTo(3.0);
            assertThat(r.expected()).as("a Sunday's usual count").isLessThan(0.5);
            assertThat(r.threshold()).isLessThan(3.0);
        });
        double[] lastWeek = {0, 2, 1, 3, 2, 2, 0}; // the C1 baseline of this Sunday: far above a Sunday's usual
        assertThat(vn.situationroom.detection.EarsC.detect(
                                java.util.stream.DoubleStream.concat(
                                                java.util.Arrays.stream(lastWeek), java.util.stream.DoubleStream.of(3))
                                        .toArray(),
                                new vn.situationroom.detection.EarsC.Params(
                                        vn.situationroom.detection.EarsC.Method.C1, null, null, 0.5))
                        .getLast()
                        .alarm())
                .as("EARS C1 on the same week")
                .isFalse();
    }

    @Test
    void with_the_ears_setting_a_day_far_above_the_communes_own_baseline_is_flagged_by_ears_and_ewma() {
        settings = new HotspotSettings(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new DetectorSettings(
                        null, null, null, null, null, null, null, null, null, DetectorSettings.DailyMethod.EARS),
                null);
        startDriverAt(EIGHT.toInstant());
        OffsetDateTime today = EIGHT;
        for (int day = 35; day >= 1; day--) {
            send(event(EventType.PETITION, today.minusDays(day), 1, e -> e.content = Content.REFLECTION));
        }
        hotspots.readValuesToList();
        assertThat(alerts.isEmpty()).as("old history raises no alert").isTrue();

        for (int i = 0; i < 6; i++) {
            send(event(EventType.PETITION, today.plusMinutes(i), 1, e -> e.content = Content.REFLECTION));
        }

        CommuneHotspot hotspot = lastHotspot();
        assertThat(hotspot.level()).isEqualTo(HotspotLevel.WARNING);
        assertThat(hotspot.reasons()).extracting(Reason::kind).contains("EARS_C1", "EARS_C2", "EWMA");
        assertThat(hotspot.reasons())
                .filteredOn(r -> r.kind().equals("EARS_C1"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.observed()).isEqualTo(6.0);
                    assertThat(r.expected()).isEqualTo(1.0);
                    assertThat(r.threshold()).isCloseTo(1 + 3.0902 * 0.5, org.assertj.core.api.Assertions.within(1e-3));
                });
    }

    @Test
    void the_stream_runs_a_thread_per_core_but_one_up_to_one_per_partition_unless_told_otherwise() {
        HotspotSettings defaults = HotspotSettings.defaults();
        assertThat(defaults.streamThreads(2, 3))
                .as("two cores: one is left to the broker, the database and the compiler")
                .isEqualTo(1);
        assertThat(defaults.streamThreads(4, 3)).isEqualTo(3);
        assertThat(defaults.streamThreads(16, 3))
                .as("a thread more than the tasks would idle")
                .isEqualTo(3);
        assertThat(defaults.streamThreads(1, 3)).isEqualTo(1);
        HotspotSettings two =
                new HotspotSettings(null, null, null, null, null, null, null, null, 2, null, null, null, null);
        assertThat(two.streamThreads(2, 3)).as("as set").isEqualTo(2);
        assertThatThrownBy(() ->
                        new HotspotSettings(null, null, null, null, null, null, null, null, -1, null, null, null, null))
                .hasMessageContaining("stream-threads not negative");
    }

    @Test
    void a_new_commune_has_no_statistics_until_it_has_history() {
        for (int i = 0; i < 6; i++) {
            send(event(EventType.PETITION, EIGHT.plusMinutes(i), 1, e -> e.content = Content.REFLECTION));
        }

        assertThat(lastHotspot().reasons()).isEmpty();
    }

    @Test
    void a_poison_record_is_set_aside_with_its_bytes_and_reason_and_the_stream_goes_on() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        events.pipeInput(COMMUNE, poison);
        send(visit(EIGHT.plusMinutes(10), 12));

        TestRecord<String, byte[]> record = rejected.readRecord();
        assertThat(record.value()).isEqualTo(poison);
        assertThat(reason(record)).startsWith("$: malformed JSON");
        assertThat(lastHotspot().level()).isEqualTo(HotspotLevel.CRITICAL);
    }

    @Test
    void a_record_that_carries_personal_data_is_refused_so_that_it_reaches_no_analytics() {
        byte[] withPerson = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-03-01T08:00:00+07:00\","
                        + "\"communeCode\":\"" + COMMUNE + "\",\"receptionPoint\":\"POLICE\",\"type\":\"INCIDENT\","
                        + "\"severity\":\"MINOR\",\"person\":{\"name\":\"Lê Văn C\"}}")
                .getBytes(StandardCharsets.UTF_8);
        events.pipeInput(COMMUNE, withPerson);
        byte[] brokenWithPerson =
                "{\"person\":{\"name\":\"Lê Văn D\",\"idNumber\":\"0840".getBytes(StandardCharsets.UTF_8);
        events.pipeInput(COMMUNE, brokenWithPerson);

        TestRecord<String, byte[]> record = rejected.readRecord();
        assertThat(reason(record)).startsWith("person: personal data must not be written");
        String copy = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(copy).as("the rejected copy").doesNotContain("Lê Văn C").doesNotContain("\"person\":");
        assertThat(copy).contains("\"personRemoved\":true").contains("\"communeCode\":\"" + COMMUNE + "\"");
        String broken = new String(rejected.readRecord().value(), StandardCharsets.UTF_8);
        assertThat(broken).doesNotContain("Lê Văn D").doesNotContain("0840").contains("\"personRemoved\":true");
        assertThat(hotspots.isEmpty()).isTrue();
    }

    @Test
    void an_unknown_commune_or_a_key_that_is_not_the_commune_is_rejected() {
        events.pipeInput("99999", json(visit(EIGHT, 1, "99999")));
        events.pipeInput(OTHER, json(visit(EIGHT, 1)));

        assertThat(rejected.readRecordsToList())
                .extracting(HotspotTopologyTests::reason)
                .containsExactly(
                        "communeCode: is not a commune of the loaded region: \"99999\"",
                        "key: the record key must be the commune code " + COMMUNE + ", not " + OTHER);
        assertThat(hotspots.isEmpty()).isTrue();
    }

    private List<CommuneIndicators> hourIndicators(OffsetDateTime hourStart) {
        return indicators.readValuesToList().stream()
                .filter(i -> i.window() == CommuneIndicators.WindowSize.HOUR
                        && i.windowStart().equals(hourStart.toInstant()))
                .toList();
    }

    private CommuneHotspot lastHotspot() {
        List<CommuneHotspot> all = hotspots.readValuesToList();
        assertThat(all).as("hotspot records").isNotEmpty();
        return all.getLast();
    }

    private void command(Alert alert, AlertCommand.Action action, String note) {
        send(
                alert.communeCode(),
                new AlertCommand(
                        UUID.randomUUID(),
                        alert.alertId(),
                        alert.communeCode(),
                        action,
                        "chỉ huy",
                        note,
                        EIGHT.toInstant()));
    }

    /**
     * Offers an event, written when it happened (as intake writes it: the record's time is what moves stream time),
     * and lets the wall clock reach the next publication, as the running app would.
     */
    private void send(ReceptionEvent event) {
        events.pipeInput(event.communeCode(), json(event), event.occurredAt().toInstant());
        driver.advanceWallClockTime(settings.publishInterval());
    }

    /** Offers a command about an alert and lets the wall clock reach the next publication. */
    private void send(String commune, AlertCommand command) {
        commands.pipeInput(commune, command);
        driver.advanceWallClockTime(settings.publishInterval());
    }

    private static ReceptionEvent caseVisit(String caseRef, OffsetDateTime at) {
        return event(EventType.VISIT, at, 1, e -> e.caseRef = caseRef);
    }

    private static ReceptionEvent visit(OffsetDateTime at, int headcount) {
        return visit(at, headcount, COMMUNE);
    }

    private static ReceptionEvent visit(OffsetDateTime at, int headcount, String commune) {
        return new EventBuilder(EventType.VISIT, at, headcount, commune).build();
    }

    private static ReceptionEvent event(
            EventType type, OffsetDateTime at, int headcount, java.util.function.Consumer<EventBuilder> details) {
        EventBuilder builder = new EventBuilder(type, at, headcount, COMMUNE);
        details.accept(builder);
        return builder.build();
    }

    private static byte[] json(ReceptionEvent event) {
        return IntakeTopics.RECEPTION_EVENTS.valueSerde().serializer().serialize("test", event);
    }

    private static String reason(TestRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(IntakeTopics.REJECTION_REASON_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A valid event with the fields a test sets; visits and petitions default to a land complaint. */
    private static final class EventBuilder {
        final EventType type;
        final OffsetDateTime at;
        final int headcount;
        final String commune;
        Content content = Content.COMPLAINT;
        Field field = Field.LAND;
        boolean candidateRelated;
        String caseRef;
        Severity severity;
        Destination destination;
        CaseStatus status;

        EventBuilder(EventType type, OffsetDateTime at, int headcount, String commune) {
            this.type = type;
            this.at = at;
            this.headcount = headcount;
            this.commune = commune;
        }

        ReceptionEvent build() {
            boolean asks = type == EventType.VISIT || type == EventType.PETITION;
            return new ReceptionEvent(
                    UUID.randomUUID(),
                    at,
                    null,
                    commune,
                    ReceptionPoint.DISTRICT_OFFICE,
                    type,
                    asks ? content : null,
                    asks ? field : null,
                    headcount,
                    false,
                    candidateRelated,
                    caseRef,
                    null,
                    severity,
                    destination,
                    status,
                    null);
        }
    }
}
