package vn.situationroom.hotspot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.hotspot.CommuneIndicators.WindowSize;
import vn.situationroom.hotspot.HotspotFlow.In;
import vn.situationroom.hotspot.HotspotFlow.Out;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.ReceptionEvent;

/**
 * The analytics of the communes of one stream task, one record at a time: each event is counted in its hour and day
 * windows however late it comes, its case's visits are recorded, the rules raise alerts, and the commune's series for
 * the statistics moves on. What changed is written to the output topics at the next publication (every
 * {@code publish-interval}), once per window, alert and commune however many events changed it; while the task works
 * through a backlog, every {@code busy-publish-interval}.
 *
 * <p>The state is kept in one store per kind, each entry small and bounded: a window per commune and window start, a
 * case's visits per case, an alert per commune and rule, a fixed-size series per commune. Windows are written final
 * when stream time or the wall clock passes their end plus the grace, so that a quiet commune's hour ends on time;
 * every few seconds the wall clock also resolves quiet alerts, lets a commune's level follow the hour and the day, and
 * forgets what lies beyond the revision horizon.
 */
final class CommuneAnalytics implements Processor<String, In, String, Out> {

    static final String WINDOWS = "commune-windows";
    static final String WINDOWS_CLOSED = "commune-windows-closed";
    static final String SINCE = "commune-since";
    static final String CASES = "case-visits";
    static final String ALERTS = "commune-alerts";
    static final String RAISED = "raised-alerts";
    static final String PENDING = "pending-outputs";
    /** Every store the analytics use. */
    static final String[] STORES = {WINDOWS, WINDOWS_CLOSED, SINCE, CASES, ALERTS, RAISED, PENDING};

    /**
     * How long a standing condition's alert is remembered as raised. PostgreSQL keeps what the checks raised; this
     * covers a check that sent the alert but stopped before recording it, and two instances sending it at once.
     */
    private static final Duration RAISED_KEPT = Duration.ofDays(30);
    /** The most entries a sweep for retention looks at in one go, so that processing never pauses long. */
    private static final int SWEEP_LIMIT = 10_000;

    private static final char SEPARATOR = '\u0000';
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final HotspotSettings settings;
    private final ZoneId zone;
    private final Duration horizon;
    private final Rules rules;
    private final HotspotPublisher publisher;
    private final int seriesDays;
    private final int seriesHours;
    private ProcessorContext<String, Out> context;
    private CommuneWindows windows;
    /** The first day each commune was watched (epoch day): the detectors need known days, not zeros. */
    private KeyValueStore<String, Long> since;
    /** Each commune's series for the statistics, built from its windows when first needed and kept in step. */
    private final Map<String, CommuneSeries> series = new HashMap<>();

    private KeyValueStore<String, byte[]> cases;
    /** The cases in use, decoded; the store stays the truth. */
    private final RecentEntries<String, CaseVisits> recentCases = new RecentEntries<>(50_000);

    private AlertBook alerts;
    private PendingOutputs pending;
    private String casesSweptTo;
    private long raisedSweptAt;
    private long startedAt;
    /** The events counted since the last publication, and when that was (wall clock, epoch ms). */
    private int countedSincePublished;

    private long publishedAt;

    /**
     * @param horizon how far back an event may lie (older ones are refused before they get here): windows and case
     *     visits are kept this long, so that any accepted event is counted in its own windows
     */
    CommuneAnalytics(HotspotSettings settings, ElectionCalendar calendar, Duration horizon) {
        this.settings = settings;
        this.zone = calendar.zone();
        this.horizon = horizon;
        this.rules = new Rules(settings.detectors(), calendar);
        this.publisher = new HotspotPublisher(new Statistics(settings.detectors()), settings, zone);
        this.seriesDays = settings.historyDays() + 1;
        this.seriesHours = 24 * (settings.detectors().surgeDays() + 1);
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        this.context = context;
        this.startedAt = context.currentSystemTimeMs();
        this.publishedAt = startedAt;
        this.countedSincePublished = 0; // a task revived after an aborted transaction starts counting again
        KeyValueStore<Bytes, byte[]> windowStore = context.getStateStore(WINDOWS);
        KeyValueStore<String, Long> closed = context.getStateStore(WINDOWS_CLOSED);
        windows = new CommuneWindows(windowStore, closed, zone, settings.grace());
        since = context.getStateStore(SINCE);
        cases = context.getStateStore(CASES);
        alerts = new AlertBook(context.getStateStore(ALERTS), context.getStateStore(RAISED));
        pending = new PendingOutputs(context.getStateStore(PENDING));
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, this::publishUnlessBusy);
        context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
        // Stream time may run ahead of the wall clock (a clock that drifts, a test): windows close on it as well.
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, streamTime -> closeWindows());
    }

    @Override
    public void process(Record<String, In> record) {
        String commune = record.key();
        if (record.value().event() != null) {
            count(commune, record.value().event());
            countedSincePublished++;
        } else if (record.value().command() != null) {
            apply(commune, record.value().command());
        }
        pending.hotspot(commune);
    }

    private void count(String commune, ReceptionEvent event) {
        long at = event.occurredAt().toInstant().toEpochMilli();
        long wall = context.currentSystemTimeMs();
        countInSeries(commune, event, at);
        List<WindowKey> own =
                List.of(windows.keyOf(WindowSize.HOUR, at, commune), windows.keyOf(WindowSize.DAY, at, commune));
        int caseVisits = 0;
        List<WindowKey> cameBack = List.of();
        if (Rules.isCaseVisit(event)) {
            CaseVisit visit = visitCase(commune, event.caseRef(), at, own);
            caseVisits = visit.visits();
            cameBack = visit.cameBackIn();
        }
        boolean crowd = rules.isCrowd(event);
        for (WindowKey key : own) {
            WindowCounts counts = windows.get(key);
            counts.add(event, crowd);
            windows.put(key, counts);
            pending.window(key);
        }
        for (WindowKey key : cameBack) {
            WindowCounts counts = windows.get(key);
            counts.addRepeatCase();
            windows.put(key, counts);
            pending.window(key);
        }
        // History being written now (an import, a backfill) is counted, but is not news: it raises no alert.
        if (at >= wall - settings.alertQuietPeriod().toMillis()) {
            for (Trigger trigger : rules.evaluate(event, caseVisits)) {
                AlertBook.Raised raised = alerts.raise(commune, trigger, event.eventId(), Instant.ofEpochMilli(at));
                if (raised.created()) {
                    forward(raised.alert().alertId(), new Out(null, raised.alert(), null));
                } else {
                    pending.alert(raised.key());
                }
            }
        }
    }

    private void countInSeries(String commune, ReceptionEvent event, long at) {
        CommuneSeries of = seriesOf(commune);
        long day = windows.localDay(at);
        if (of.watched(day)) {
            since.put(commune, day);
        }
        if (event.type() == EventType.VISIT || event.type() == EventType.PETITION) {
            of.count(day, Math.floorDiv(at, HOUR));
        }
    }

    /** A case's visit: its visits within the repeat span, and the windows in which the case now counts as come back. */
    private record CaseVisit(int visits, List<WindowKey> cameBackIn) {}

    /**
     * Records a visit of a case. The case comes back in a window when one of its visits there had another within the
     * repeat span before it; a late visit may make the case come back in the windows of its later visits too.
     */
    private CaseVisit visitCase(String commune, String caseRef, long at, List<WindowKey> own) {
        String key = commune + SEPARATOR + caseRef;
        CaseVisits visits = recentCases.get(key);
        if (visits == null) {
            byte[] stored = cases.get(key);
            visits = stored == null ? new CaseVisits() : CaseVisits.decode(stored);
            recentCases.put(key, visits);
        }
        long second = Math.floorDiv(at, 1000L);
        long span = settings.detectors().repeatWithin().toSeconds();
        // The windows where the case may now come back: this visit's, and those of its later visits within the span
        // (a visit that arrives late).
        List<WindowKey> candidates = own;
        long[] later = visits.between(second, second + span);
        if (later.length > 0) {
            Set<WindowKey> all = new LinkedHashSet<>(own);
            for (long visit : later) {
                all.add(windows.keyOf(WindowSize.HOUR, visit * 1000, commune));
                all.add(windows.keyOf(WindowSize.DAY, visit * 1000, commune));
            }
            candidates = new ArrayList<>(all);
        }
        boolean[] before = new boolean[candidates.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = cameBack(visits, candidates.get(i), span);
        }
        int within = visits.add(second, span);
        List<WindowKey> cameBack = new ArrayList<>(2);
        for (int i = 0; i < before.length; i++) {
            if (!before[i] && cameBack(visits, candidates.get(i), span)) {
                cameBack.add(candidates.get(i));
            }
        }
        cases.put(key, visits.encode());
        return new CaseVisit(within, cameBack);
    }

    private boolean cameBack(CaseVisits visits, WindowKey window, long span) {
        return visits.cameBackIn(window.start() / 1000, windows.endOf(window) / 1000, span);
    }

    private CommuneSeries seriesOf(String commune) {
        return series.computeIfAbsent(commune, this::seriesFromWindows);
    }

    /** A commune's series as its day and hour windows hold it: after a start, or a move of its task. */
    private CommuneSeries seriesFromWindows(String commune) {
        Long first = since.get(commune);
        CommuneSeries of = new CommuneSeries(seriesDays, seriesHours, first == null ? CommuneSeries.NEVER : first);
        long wall = context.currentSystemTimeMs();
        long today = Instant.ofEpochMilli(wall).atZone(zone).toLocalDate().toEpochDay();
        for (long day = today - seriesDays + 1; day <= today; day++) {
            long start =
                    LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant().toEpochMilli();
            of.set(
                    day,
                    windows.peek(new WindowKey(WindowSize.DAY, start, commune)).visitsAndPetitions(),
                    true);
        }
        long hour = Math.floorDiv(wall, HOUR);
        for (long h = hour - seriesHours + 1; h <= hour; h++) {
            of.set(
                    h,
                    windows.peek(new WindowKey(WindowSize.HOUR, h * HOUR, commune))
                            .visitsAndPetitions(),
                    false);
        }
        return of;
    }

    private void apply(String commune, AlertCommand command) {
        Alert alert = switch (command.action()) {
            case RAISE -> alerts.raiseStanding(commune, command);
            case ACKNOWLEDGE, RESOLVE -> alerts.decide(commune, command);
        };
        if (alert != null) {
            forward(alert.alertId(), new Out(null, alert, null));
        }
    }

    /**
     * Publishes what changed, unless the task is working through a backlog (more than {@code busy-events} events since
     * the last publication) and published less than {@code busy-publish-interval} ago: then the windows and communes
     * that keep changing are written once a second, not ten times, and the backlog is through sooner.
     */
    private void publishUnlessBusy(long wall) {
        if (countedSincePublished > settings.busyEvents()
                && wall - publishedAt < settings.busyPublishInterval().toMillis()) {
            return;
        }
        publish();
    }

    /** Writes what changed since the last publication: windows, merged alerts, and the communes' states. */
    private void publish() {
        countedSincePublished = 0;
        publishedAt = context.currentSystemTimeMs();
        if (pending.isEmpty()) {
            return;
        }
        long wall = context.currentSystemTimeMs();
        long now = now();
        for (PendingOutputs.Pending output : pending.drain()) {
            switch (output.kind()) {
                case WINDOW -> {
                    WindowKey key = output.window();
                    forward(key.commune(), new Out(windows.record(key, windows.get(key), now), null, null));
                }
                case ALERT -> {
                    Alert alert = alerts.get(output.name());
                    if (alert != null) {
                        forward(alert.alertId(), new Out(null, alert, null));
                    }
                }
                case HOTSPOT -> publishHotspot(output.name(), wall, true);
            }
        }
    }

    /** Every few seconds of the wall clock: windows close, quiet alerts resolve, levels follow the hour and day. */
    private void tick(long wall) {
        closeWindows();
        for (Alert resolved : alerts.resolveQuiet(wall, settings.alertQuietPeriod())) {
            forward(resolved.alertId(), new Out(null, resolved, null));
            pending.hotspot(resolved.communeCode());
        }
        publish();
        List<String> communes = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = since.all()) {
            all.forEachRemaining(entry -> communes.add(entry.key));
        }
        for (String commune : communes) {
            publishHotspot(commune, wall, false);
        }
        forgetBeyondHorizon(wall);
    }

    private void closeWindows() {
        for (CommuneIndicators closed : windows.close(now(), startedAt)) {
            forward(closed.communeCode(), new Out(closed, null, null));
        }
    }

    private void publishHotspot(String commune, long wall, boolean always) {
        CommuneHotspot hotspot = publisher.hotspot(
                commune,
                seriesOf(commune),
                windows.get(windows.keyOf(WindowSize.HOUR, wall, commune)),
                alerts.active(commune),
                wall,
                always);
        if (hotspot != null) {
            forward(commune, new Out(null, null, hotspot));
        }
    }

    /** Forgets, a bounded part at a time, the windows and visits older than the horizon and the old raised ids. */
    private void forgetBeyondHorizon(long wall) {
        long cutoff = wall - horizon.plusDays(1).toMillis();
        windows.forgetBefore(cutoff, SWEEP_LIMIT);
        List<KeyValue<String, byte[]>> changed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> some = cases.range(casesSweptTo, null)) {
            int seen = 0;
            casesSweptTo = null;
            while (some.hasNext()) {
                KeyValue<String, byte[]> entry = some.next();
                if (++seen > SWEEP_LIMIT) {
                    casesSweptTo = entry.key;
                    break;
                }
                CaseVisits visits = CaseVisits.decode(entry.value);
                int size = visits.size();
                visits.forgetBefore(Math.floorDiv(cutoff, 1000L));
                if (visits.size() != size) {
                    changed.add(KeyValue.pair(entry.key, visits.isEmpty() ? null : visits.encode()));
                }
            }
        }
        changed.forEach(entry -> recentCases.remove(entry.key));
        cases.putAll(changed);
        if (wall - raisedSweptAt >= Duration.ofHours(1).toMillis()) {
            raisedSweptAt = wall;
            alerts.forgetRaisedBefore(wall - RAISED_KEPT.toMillis());
        }
    }

    /** The time windows close at: stream time, or the wall clock when it is later. */
    private long now() {
        return Math.max(context.currentStreamTimeMs(), context.currentSystemTimeMs());
    }

    private void forward(String key, Out out) {
        context.forward(new Record<>(key, out, context.currentSystemTimeMs()));
    }
}
