package vn.situationroom.hotspot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.CommuneIndicators.WindowSize;
import vn.situationroom.hotspot.HotspotFlow.In;
import vn.situationroom.hotspot.HotspotFlow.Out;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.ReceptionEvent;

/**
 * The analytics of each commune, one record at a time, with all of a commune's state in one store entry: hour and
 * day indicator windows, the rules and their alerts, the statistics, and the level with its reasons.
 *
 * <p>Windows close when stream time passes their end plus the grace, and, while no record arrives, when the wall
 * clock does (a punctuator), so that a quiet commune's hour ends on time and its level can fall back. While records
 * flow only stream time closes windows, so that history being written in bulk is counted in its own windows rather
 * than cut short by the wall clock.
 */
final class CommuneAnalytics implements Processor<String, In, String, Out> {

    static final String STORE = "commune-state";
    private static final Logger log = LoggerFactory.getLogger(CommuneAnalytics.class);
    private static final long HOUR = Duration.ofHours(1).toMillis();
    /**
     * How long a standing condition's alert is remembered as raised. PostgreSQL keeps what the checks raised; this
     * covers a check that sent the alert but stopped before recording it, and two instances sending it at once.
     */
    private static final Duration RAISED_KEPT = Duration.ofDays(30);

    private final HotspotSettings settings;
    private final ZoneId zone;
    private final Rules rules;
    private final Statistics statistics;
    private ProcessorContext<String, Out> context;
    private KeyValueStore<String, CommuneState> store;
    private long lastRecordAt = Long.MIN_VALUE;

    CommuneAnalytics(HotspotSettings settings, ElectionCalendar calendar) {
        this.settings = settings;
        this.zone = calendar.zone();
        this.rules = new Rules(settings.detectors(), calendar);
        this.statistics = new Statistics(settings.detectors());
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, In> record) {
        lastRecordAt = context.currentSystemTimeMs();
        String commune = record.key();
        CommuneState state = Objects.requireNonNullElseGet(store.get(commune), () -> CommuneState.of(commune));
        if (record.value().event() != null) {
            count(state, record.value().event());
        } else if (record.value().command() != null) {
            apply(state, record.value().command());
        }
        close(state, context.currentStreamTimeMs());
        publishHotspot(state, context.currentSystemTimeMs(), true);
        store.put(commune, state);
    }

    private void count(CommuneState state, ReceptionEvent event) {
        long at = event.occurredAt().toInstant().toEpochMilli();
        long wall = context.currentSystemTimeMs();
        LocalDate day = event.occurredAt().atZoneSameInstant(zone).toLocalDate();
        state.sinceDay = Math.min(state.sinceDay, day.toEpochDay());
        if (event.type() == EventType.VISIT || event.type() == EventType.PETITION) {
            state.daily.merge(day.toEpochDay(), 1L, Long::sum);
            state.hourly.merge(Math.floorDiv(at, HOUR), 1L, Long::sum);
        }
        int caseVisits = 0;
        boolean repeatCase = false;
        if (Rules.isCaseVisit(event)) {
            caseVisits = state.visitCase(event.caseRef(), at, settings.detectors().repeatWithin().toMillis());
            repeatCase = caseVisits > 1;
        }
        boolean crowd = rules.isCrowd(event);
        addToWindow(state, WindowSize.HOUR, event, crowd, repeatCase);
        addToWindow(state, WindowSize.DAY, event, crowd, repeatCase);
        // History being written now (an import, a backfill) is counted, but is not news: it raises no alert.
        if (at >= wall - settings.alertQuietPeriod().toMillis()) {
            for (Trigger trigger : rules.evaluate(event, caseVisits)) {
                raise(state, trigger, event, Instant.ofEpochMilli(at));
            }
        }
    }

    private void addToWindow(CommuneState state, WindowSize size, ReceptionEvent event, boolean crowd,
            boolean repeatCase) {
        long start = windowStart(size, event.occurredAt().toInstant());
        long end = windowEnd(size, start);
        long closedBefore = size == WindowSize.HOUR ? state.hoursClosedBefore : state.daysClosedBefore;
        if (start < closedBefore || end + settings.grace().toMillis() <= context.currentStreamTimeMs()) {
            log.debug("Late event {} for the closed {} window of {} at {}", event.eventId(), size,
                    state.communeCode, Instant.ofEpochMilli(start));
            return;
        }
        var windows = size == WindowSize.HOUR ? state.hours : state.days;
        CommuneIndicators window = windows.computeIfAbsent(start, s -> new CommuneIndicators(state.communeCode, size,
                Instant.ofEpochMilli(s), Instant.ofEpochMilli(end), false, Indicators.empty()));
        window = window.with(window.counts().add(event, crowd, repeatCase));
        windows.put(start, window);
        forward(state.communeCode, new Out(window, null, null));
    }

    private void raise(CommuneState state, Trigger trigger, ReceptionEvent event, Instant at) {
        Alert active = state.alerts.get(trigger.rule().name());
        Alert alert = active != null
                ? active.merge(trigger, at)
                : Alert.open(UUID.nameUUIDFromBytes((state.communeCode + "/" + trigger.rule() + "/" + event.eventId())
                        .getBytes(StandardCharsets.UTF_8)).toString(), state.communeCode, trigger, at);
        state.alerts.put(trigger.rule().name(), alert);
        forward(alert.alertId(), new Out(null, alert, null));
    }

    private void apply(CommuneState state, AlertCommand command) {
        switch (command.action()) {
            case RAISE -> raiseStanding(state, command);
            case ACKNOWLEDGE, RESOLVE -> decide(state, command);
        }
    }

    /** A person's acknowledgement or resolution, or the system's resolution of a condition that ended. */
    private void decide(CommuneState state, AlertCommand command) {
        Map.Entry<String, Alert> target = state.alerts.entrySet().stream()
                .filter(e -> e.getValue().alertId().equals(command.alertId())).findFirst().orElse(null);
        if (target == null) {
            log.info("Command {} for alert {} of {} found no active alert; it was resolved already",
                    command.commandId(), command.alertId(), state.communeCode);
            return;
        }
        Alert alert = command.action() == AlertCommand.Action.ACKNOWLEDGE
                ? target.getValue().acknowledge(command.by(), command.note(), command.at())
                : target.getValue().resolve(command.by(), command.note(), command.at());
        if (alert.isActive()) {
            state.alerts.put(target.getKey(), alert);
        } else {
            state.alerts.remove(target.getKey());
        }
        forward(alert.alertId(), new Out(null, alert, null));
    }

    /**
     * Raises the alert of a standing condition the app found, once: the app checks again and again, and may send the
     * same condition twice (after a restart, or from two instances), but an alert raised before, even one resolved
     * since, is not raised again.
     */
    private void raiseStanding(CommuneState state, AlertCommand command) {
        if (command.rule() == null || command.rule().fromEvents() || command.severity() == null
                || command.reason() == null) {
            log.warn("Command {} to raise {} of {} lacks a standing rule, severity or reason; ignored",
                    command.commandId(), command.alertId(), state.communeCode);
            return;
        }
        if (state.raised.containsKey(command.alertId())) {
            log.debug("Alert {} of {} was raised before; not again", command.alertId(), state.communeCode);
            return;
        }
        state.raised.put(command.alertId(), command.at().toEpochMilli());
        Alert alert = Alert.open(command.alertId(), state.communeCode,
                new Trigger(command.rule(), command.severity(), command.reason()), command.at());
        // One entry per alert: a case may have two conditions of one rule at once (its acceptance and its resolution
        // both late), and each must stay findable until its own end.
        state.alerts.put(command.rule().name() + "/" + command.alertId(), alert);
        forward(alert.alertId(), new Out(null, alert, null));
    }

    /** Closes every window whose end plus grace is at or before {@code time}, writing its final indicators. */
    private void close(CommuneState state, long time) {
        long grace = settings.grace().toMillis();
        for (WindowSize size : WindowSize.values()) {
            var windows = size == WindowSize.HOUR ? state.hours : state.days;
            var iterator = windows.entrySet().iterator();
            while (iterator.hasNext()) {
                CommuneIndicators window = iterator.next().getValue();
                if (window.windowEnd().toEpochMilli() + grace <= time) {
                    iterator.remove();
                    forward(state.communeCode, new Out(window.closed(), null, null));
                }
            }
            long closedBefore = closedBefore(size, time - grace);
            if (size == WindowSize.HOUR) {
                state.hoursClosedBefore = Math.max(state.hoursClosedBefore, closedBefore);
            } else {
                state.daysClosedBefore = Math.max(state.daysClosedBefore, closedBefore);
            }
        }
    }

    private void punctuate(long wall) {
        boolean idle = lastRecordAt == Long.MIN_VALUE || wall - lastRecordAt >= settings.punctuateInterval().toMillis();
        long closeAt = idle ? Math.max(wall, context.currentStreamTimeMs()) : context.currentStreamTimeMs();
        List<KeyValue<String, CommuneState>> states = new ArrayList<>();
        try (KeyValueIterator<String, CommuneState> all = store.all()) {
            all.forEachRemaining(states::add);
        }
        for (KeyValue<String, CommuneState> entry : states) {
            CommuneState state = entry.value;
            close(state, closeAt);
            resolveQuiet(state, wall);
            state.prune(LocalDate.ofInstant(Instant.ofEpochMilli(wall), zone).toEpochDay() - settings.historyDays(),
                    Math.floorDiv(wall, HOUR) - 24L * (settings.detectors().surgeDays() + 1),
                    wall - settings.detectors().repeatWithin().toMillis(), wall - RAISED_KEPT.toMillis());
            publishHotspot(state, wall, false);
            store.put(entry.key, state);
        }
    }

    private void resolveQuiet(CommuneState state, long wall) {
        var iterator = state.alerts.values().iterator();
        while (iterator.hasNext()) {
            Alert alert = iterator.next();
            if (alert.rule().fromEvents()
                    && alert.lastSeen().toEpochMilli() + settings.alertQuietPeriod().toMillis() <= wall) {
                iterator.remove();
                Alert resolved = alert.resolve(Alert.SYSTEM, Alert.QUIET, Instant.ofEpochMilli(wall));
                forward(resolved.alertId(), new Out(null, resolved, null));
            }
        }
    }

    /** Writes the commune's level, reasons and current hour; on a punctuation only when something changed. */
    private void publishHotspot(CommuneState state, long wall, boolean always) {
        if (AlertCommand.DISTRICT.equals(state.communeCode)) {
            return; // the district's own alerts give no commune a level
        }
        long hourStart = Math.floorDiv(wall, HOUR) * HOUR;
        CommuneIndicators hour = state.hours.get(hourStart);
        // The level says what is forming on the ground: the alerts of events and the statistics. A late case is
        // the office's business, alerted on its own, and would otherwise keep a commune on watch for weeks.
        List<Reason> reasons = new ArrayList<>();
        state.alerts.values().stream().filter(alert -> alert.rule().fromEvents())
                .forEach(alert -> reasons.addAll(alert.reasons()));
        reasons.addAll(statisticsOf(state, wall));
        reasons.sort(Comparator.comparing(Reason::severity).reversed());
        HotspotLevel level = reasons.stream().map(Reason::severity).reduce(HotspotLevel.NORMAL, HotspotLevel::max);
        CommuneHotspot hotspot = new CommuneHotspot(state.communeCode, level, reasons, Instant.ofEpochMilli(hourStart),
                Instant.ofEpochMilli(hourStart + HOUR), hour == null ? 0 : hour.counts().events(),
                hour == null ? 0 : hour.counts().people(), Instant.ofEpochMilli(wall));
        if (always || !sameApartFromTime(hotspot, state.last)) {
            state.last = hotspot;
            forward(state.communeCode, new Out(null, null, hotspot));
        }
    }

    private List<Reason> statisticsOf(CommuneState state, long wall) {
        long today = LocalDate.ofInstant(Instant.ofEpochMilli(wall), zone).toEpochDay();
        if (state.sinceDay > today) {
            return List.of();
        }
        int length = settings.historyDays() + 1;
        double[] daily = new double[length];
        for (int i = 0; i < length; i++) {
            daily[i] = state.daily.getOrDefault(today - length + 1 + i, 0L);
        }
        int knownDays = (int) Math.min(length, today - state.sinceDay + 1);
        long hour = Math.floorDiv(wall, HOUR);
        int surgeDays = settings.detectors().surgeDays();
        double[] sameHourBefore = knownDays > surgeDays ? new double[surgeDays] : new double[0];
        for (int k = 0; k < sameHourBefore.length; k++) {
            sameHourBefore[k] = state.hourly.getOrDefault(hour - 24L * (surgeDays - k), 0L);
        }
        return statistics.evaluate(daily, knownDays, state.hourly.getOrDefault(hour, 0L), sameHourBefore);
    }

    private static boolean sameApartFromTime(CommuneHotspot a, CommuneHotspot b) {
        return b != null && a.level() == b.level() && a.reasons().equals(b.reasons())
                && a.windowStart().equals(b.windowStart()) && a.events() == b.events() && a.people() == b.people();
    }

    private void forward(String key, Out out) {
        context.forward(new Record<>(key, out, context.currentSystemTimeMs()));
    }

    private long windowStart(WindowSize size, Instant at) {
        return size == WindowSize.HOUR
                ? Math.floorDiv(at.toEpochMilli(), HOUR) * HOUR
                : at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private long windowEnd(WindowSize size, long start) {
        return size == WindowSize.HOUR
                ? start + HOUR
                : Instant.ofEpochMilli(start).atZone(zone).plusDays(1).toInstant().toEpochMilli();
    }

    /** The start of the window that holds {@code time}: every window starting before it has ended by then. */
    private long closedBefore(WindowSize size, long time) {
        return windowStart(size, Instant.ofEpochMilli(time));
    }
}
