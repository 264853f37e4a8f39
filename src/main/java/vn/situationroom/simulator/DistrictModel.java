package vn.situationroom.simulator;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.Destination;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.Person;
import vn.situationroom.intake.ReceptionPoint;
import vn.situationroom.intake.Severity;

/**
 * A district in an election period, as a seeded random model: a few events a day per commune, mostly in office hours
 * on weekdays, more as election day nears, land cases dominant, occasional flare-ups in one commune with crowds and
 * incidents, candidate letters before the election, escalations, and the same cases coming back.
 *
 * <p>Each commune's hour is drawn from its own random stream, seeded by the seed, the commune and the hour: the same
 * seed gives the same events at the same times with the same ids, whether they are written live or as backfill, so
 * running it again writes nothing new.
 */
final class DistrictModel {

    /** Events per commune on an ordinary weekday. */
    static final double EVENTS_PER_COMMUNE_DAY = 3.0;
    /** The share of a weekday's events in each local hour: office hours 07:00–11:30 and 13:30–17:00. */
    private static final double[] WEEKDAY_RHYTHM = {
        0.002, 0.002, 0.002, 0.002, 0.002, 0.005, 0.015, 0.09, 0.13, 0.13, 0.12, 0.06,
        0.02, 0.07, 0.12, 0.11, 0.07, 0.025, 0.01, 0.006, 0.004, 0.003, 0.002, 0.002
    };

    private static final double WEEKEND_FACTOR = 0.2;
    private static final double FLARE_UP_CHANCE_PER_DAY = 0.03;
    /** The longest a case's steps run after its first event: the months to look back for steps in a window. */
    private static final int LIFECYCLE_MONTHS = 4;

    private final long seed;
    private final List<String> communes;
    private final double[] communeWeights;
    private final ElectionCalendar calendar;
    private final ZoneId zone;
    private final double intensity;
    private final Vocabulary vocabulary = new Vocabulary();
    /**
     * The steps of the complaints and denunciations first received in a month, by commune and month: a pure function
     * of the seed, computed once (a live district asks for them every second).
     */
    private final Map<String, List<SimulatedEvent>> caseSteps = new ConcurrentHashMap<>();

    /** The first event of a case, where its steps start. */
    private record FirstEvent(String caseRef, Instant at, boolean denunciation, boolean complex) {}

    DistrictModel(long seed, List<String> communes, ElectionCalendar calendar, double intensity) {
        this.seed = seed;
        this.communes = List.copyOf(communes);
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.intensity = intensity;
        // Some communes are busier than others, the same ones for a seed: log-normal weights around 1.
        Random weights = new Random(seed);
        this.communeWeights = communes.stream()
                .mapToDouble(c -> Math.exp(0.5 * weights.nextGaussian()))
                .toArray();
    }

    /** Every event that occurs in {@code [from, to)}, in time order: what citizens bring, and the cases' steps. */
    List<SimulatedEvent> between(Instant from, Instant to) {
        List<SimulatedEvent> events = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS);
                hour.isBefore(to);
                hour = hour.plus(Duration.ofHours(1))) {
            for (int c = 0; c < communes.size(); c++) {
                for (SimulatedEvent event : hour(c, hour)) {
                    if (within(event, from, to)) {
                        events.add(event);
                    }
                }
            }
        }
        YearMonth last = YearMonth.from(to.atZone(zone));
        for (YearMonth month = YearMonth.from(from.atZone(zone)).minusMonths(LIFECYCLE_MONTHS);
                !month.isAfter(last);
                month = month.plusMonths(1)) {
            for (int c = 0; c < communes.size(); c++) {
                for (SimulatedEvent step : caseSteps(c, month)) {
                    if (within(step, from, to)) {
                        events.add(step);
                    }
                }
            }
        }
        events.sort(Comparator.comparing(e -> e.occurredAt().toInstant()));
        return events;
    }

    private static boolean within(SimulatedEvent event, Instant from, Instant to) {
        Instant at = event.occurredAt().toInstant();
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** The steps of the complaints and denunciations a commune first received in a month, computed once. */
    private List<SimulatedEvent> caseSteps(int commune, YearMonth month) {
        return caseSteps.computeIfAbsent(commune + "/" + month, key -> {
            Map<String, FirstEvent> first = new HashMap<>();
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            for (Instant hour = month.atDay(1).atStartOfDay(zone).toInstant();
                    hour.isBefore(end);
                    hour = hour.plus(Duration.ofHours(1))) {
                for (SimulatedEvent event : hour(commune, hour)) {
                    String content = event.json().path("content").asString("");
                    String caseRef = event.json().path("caseRef").asString("");
                    if (!caseRef.isEmpty() && (content.equals("COMPLAINT") || content.equals("DENUNCIATION"))) {
                        FirstEvent candidate = new FirstEvent(
                                caseRef,
                                event.occurredAt().toInstant(),
                                content.equals("DENUNCIATION"),
                                event.json().path("complex").asBoolean(false));
                        first.merge(caseRef, candidate, (a, b) -> a.at().isBefore(b.at()) ? a : b);
                    }
                }
            }
            return first.values().stream()
                    .sorted(Comparator.comparing(FirstEvent::caseRef))
                    .flatMap(f -> steps(commune, f).stream())
                    .toList();
        });
    }

    /**
     * A case's steps after its first event, the same for the same seed and case: most are accepted within the law's
     * days and resolved within its term, some late, a few refused or never taken up; a complex denunciation is
     * sometimes extended with a reason; half the resolutions come into force.
     */
    private List<SimulatedEvent> steps(int commune, FirstEvent first) {
        Random random = new Random(mix(seed, first.caseRef().hashCode(), 0x5eedL));
        List<SimulatedEvent> steps = new ArrayList<>();
        LocalDate received = first.at().atZone(zone).toLocalDate();
        double fate = random.nextDouble();
        if (fate < 0.04) {
            return steps; // never taken up: it falls overdue, as some do
        }
        if (fate < 0.09) {
            steps.add(step(commune, first, "REJECTED", received.plusDays(2 + random.nextInt(7)), random));
            return steps;
        }
        LocalDate accepted =
                received.plusDays(random.nextDouble() < 0.9 ? 1 + random.nextInt(8) : 11 + random.nextInt(8));
        steps.add(step(commune, first, "ACCEPTED", accepted, random));
        if (random.nextDouble() < 0.6) {
            steps.add(step(commune, first, "IN_PROGRESS", accepted.plusDays(3 + random.nextInt(6)), random));
        }
        int term = first.complex() && !first.denunciation() ? 45 : 30;
        if (first.denunciation() && first.complex() && random.nextDouble() < 0.5) {
            steps.add(step(commune, first, "EXTENDED", accepted.plusDays(26 + random.nextInt(3)), random));
            term += 30;
        }
        double late = random.nextDouble();
        if (late < 0.05) {
            return steps; // still not resolved
        }
        LocalDate resolved =
                accepted.plusDays(late < 0.15 ? term + 1 + random.nextInt(15) : 12 + random.nextInt(term - 12));
        steps.add(step(commune, first, "RESOLVED", resolved, random));
        if (random.nextDouble() < 0.5) {
            steps.add(step(commune, first, "DECISION_IN_FORCE", resolved.plusDays(15 + random.nextInt(16)), random));
        }
        return steps;
    }

    private SimulatedEvent step(int commune, FirstEvent first, String status, LocalDate date, Random random) {
        // Offices do this work on weekdays.
        LocalDate day = date.getDayOfWeek() == DayOfWeek.SATURDAY
                ? date.plusDays(2)
                : date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
        OffsetDateTime at = day.atTime(8 + random.nextInt(8), random.nextInt(60))
                .atZone(zone)
                .toOffsetDateTime();
        UUID id =
                UUID.nameUUIDFromBytes((seed + "/" + first.caseRef() + "/" + status).getBytes(StandardCharsets.UTF_8));
        var event = new SimulatedEvent.Builder(id, at, communes.get(commune), EventType.CASE_UPDATE)
                .receptionPoint(ReceptionPoint.DISTRICT_OFFICE)
                .caseRef(first.caseRef())
                .status(CaseStatus.valueOf(status))
                .summary(vocabulary.summary("STEP_" + status, random));
        if (status.equals("ACCEPTED") && first.complex()) {
            event.complex(true);
        }
        return event.build();
    }

    /** The events of one commune in one hour; the same for the same seed, commune and hour. */
    List<SimulatedEvent> hour(int commune, Instant hourStart) {
        ZonedDateTime local = hourStart.atZone(zone);
        Random random = new Random(mix(seed, commune, hourStart.getEpochSecond() / 3600));
        boolean flaring = flaringAt(commune, local);
        double expected = EVENTS_PER_COMMUNE_DAY
                * communeWeights[commune]
                * intensity
                * WEEKDAY_RHYTHM[local.getHour()]
                * (isWeekend(local) ? WEEKEND_FACTOR : 1.0)
                * electionBoost(local.toLocalDate())
                * (flaring ? 6.0 : 1.0);
        int count = poisson(random, expected);
        List<SimulatedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = hourStart.plusMillis(random.nextLong(3_600_000L)).truncatedTo(ChronoUnit.SECONDS);
            events.add(event(random, commune, at.atZone(zone).toOffsetDateTime(), flaring));
        }
        return events;
    }

    /** One event at {@code at} from any random stream: the load generator's, which ignores rhythm and calendar. */
    SimulatedEvent any(RandomGenerator random, OffsetDateTime at) {
        return event(random, random.nextInt(communes.size()), at, random.nextDouble() < 0.05);
    }

    private SimulatedEvent event(RandomGenerator random, int commune, OffsetDateTime at, boolean flaring) {
        LocalDate date = at.toLocalDate();
        long daysToElection = calendar.daysUntilElection(date);
        boolean campaign = daysToElection >= 0 && daysToElection <= 60;
        EventType type = pick(
                random,
                EventType.values(),
                flaring ? new double[] {0.55, 0.15, 0.12, 0.06, 0.12} : new double[] {0.55, 0.31, 0.015, 0.025, 0.10});
        UUID id = new UUID(
                random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | Long.MIN_VALUE);
        var event = new SimulatedEvent.Builder(id, at, communes.get(commune), type);
        switch (type) {
            case VISIT, PETITION -> fillCase(event, random, commune, date, campaign, flaring);
            case INCIDENT ->
                event.receptionPoint(pick(
                                random,
                                new ReceptionPoint[] {
                                    ReceptionPoint.COMMUNE_OFFICE, ReceptionPoint.DISTRICT_OFFICE, ReceptionPoint.POLICE
                                },
                                new double[] {0.5, 0.3, 0.2}))
                        .severity(pick(random, Severity.values(), new double[] {0.6, 0.32, 0.08}))
                        .headcount(5 + random.nextInt(flaring ? 56 : 16))
                        .summary(vocabulary.summary("INCIDENT", random));
            case ESCALATION -> {
                Destination destination = pick(random, Destination.values(), new double[] {0.7, 0.15, 0.15});
                event.receptionPoint(ReceptionPoint.valueOf(destination.name()))
                        .destination(destination)
                        .headcount(1 + (random.nextDouble() < 0.3 ? random.nextInt(15) : random.nextInt(3)))
                        .caseRef(caseRef(random, commune, date, Content.COMPLAINT))
                        .summary(vocabulary.summary("ESCALATION", random));
            }
            case CASE_UPDATE ->
                event.receptionPoint(
                                random.nextBoolean() ? ReceptionPoint.DISTRICT_OFFICE : ReceptionPoint.COMMUNE_OFFICE)
                        .caseRef(caseRef(random, commune, date, Content.COMPLAINT))
                        // The acceptances and resolutions follow each case's own course (see steps); these are the
                        // dialogues held along the way.
                        .status(CaseStatus.DIALOGUE);
        }
        return event.build();
    }

    private void fillCase(
            SimulatedEvent.Builder event,
            RandomGenerator random,
            int commune,
            LocalDate date,
            boolean campaign,
            boolean flaring) {
        Content content = pick(random, Content.values(), new double[] {0.45, 0.15, 0.2, 0.15, 0.05});
        Field field = pick(
                random,
                Field.values(),
                campaign
                        ? new double[] {0.5, 0.13, 0.09, 0.1, 0.06, 0.07, 0.05}
                        : new double[] {0.56, 0.15, 0.1, 0.01, 0.06, 0.07, 0.05});
        event.receptionPoint(pick(
                        random,
                        new ReceptionPoint[] {
                            ReceptionPoint.DISTRICT_OFFICE, ReceptionPoint.COMMUNE_OFFICE, ReceptionPoint.OTHER
                        },
                        new double[] {0.5, 0.45, 0.05}))
                .content(content)
                .field(field)
                .candidateRelated(field == Field.ELECTION_CANDIDATE
                        || (campaign && content == Content.DENUNCIATION && random.nextDouble() < 0.2))
                .summary(vocabulary.summary(field.name(), random));
        if (event.type() == EventType.VISIT) {
            double crowd = flaring ? 0.4 : 0.04;
            double r = random.nextDouble();
            event.headcount(
                    r < crowd ? 5 + random.nextInt(flaring ? 40 : 15) : r < crowd + 0.15 ? 2 + random.nextInt(3) : 1);
        }
        if (content != Content.RECOMMENDATION && content != Content.REFLECTION) {
            String caseRef = caseRef(random, commune, date, content);
            Random caseRandom = new Random(caseRef.hashCode() ^ seed);
            // One case in five is complex or prolonged, the same ones every time they come back.
            event.caseRef(caseRef).complex(caseRandom.nextDouble() < 0.2);
            if (random.nextDouble() < 0.7) {
                event.person(person(caseRandom));
            }
        } else if (random.nextDouble() < 0.5) {
            event.person(person(random));
        }
    }

    /**
     * A case of the commune: each commune has a pool of cases per month, a few of which come back often, so that
     * repeat visits of one case show up as they do in life.
     */
    private static String caseRef(RandomGenerator random, int commune, LocalDate date, Content content) {
        int slot = (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * 40);
        String prefix = content == Content.DENUNCIATION ? "TC" : "KN";
        return "%s-%d%02d-%02d-%02d".formatted(prefix, date.getYear() % 100, date.getMonthValue(), commune + 1, slot);
    }

    private Person person(RandomGenerator random) {
        String name = vocabulary.pick("surnames", random) + " " + vocabulary.pick("middles", random) + " "
                + vocabulary.pick("givens", random);
        String idNumber = "084" + "%09d".formatted(random.nextInt(1_000_000_000));
        String phone = "09" + "%08d".formatted(random.nextInt(100_000_000));
        return new Person(name, idNumber, phone, vocabulary.pick("hamlets", random));
    }

    /** Whether a flare-up is going on in the commune at that time: on 3% of days, for two to eight hours. */
    private boolean flaringAt(int commune, ZonedDateTime local) {
        Random day =
                new Random(mix(seed ^ 0x5DEECE66DL, commune, local.toLocalDate().toEpochDay()));
        if (day.nextDouble() >= FLARE_UP_CHANCE_PER_DAY) {
            return false;
        }
        int start = 7 + day.nextInt(8);
        int hours = 2 + day.nextInt(7);
        return local.getHour() >= start && local.getHour() < start + hours;
    }

    /** More reception as election day nears: up to three times on the day itself, back to normal after it. */
    private double electionBoost(LocalDate date) {
        long days = calendar.daysUntilElection(date);
        if (days < 0 || days > 45) {
            return days < 0 && days >= -7 ? 1.3 : 1.0;
        }
        return 1.0 + 2.0 * (1.0 - days / 45.0);
    }

    private static boolean isWeekend(ZonedDateTime local) {
        return local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static int poisson(RandomGenerator random, double mean) {
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static <T> T pick(RandomGenerator random, T[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static long mix(long seed, long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L + a;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + b;
        return h ^ (h >>> 29);
    }
}
