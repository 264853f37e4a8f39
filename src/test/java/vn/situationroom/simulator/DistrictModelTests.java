package vn.situationroom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.intake.CaseStatus;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventCheck;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.PersonHasher;
import vn.situationroom.intake.ReceptionEvent;
import vn.situationroom.intake.ReceptionEventReader;

class DistrictModelTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ElectionCalendar CALENDAR = new ElectionCalendar(LocalDate.of(2026, 3, 15), VIETNAM);
    private static final List<String> COMMUNES =
            IntStream.rangeClosed(1, 15).mapToObj(i -> "290" + (10 + i)).toList();
    private static final ReceptionEventReader READER = new ReceptionEventReader(
            Set.copyOf(COMMUNES)::contains,
            new PersonHasher(new byte[32]),
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC),
            java.time.Duration.ofDays(36_500));

    private final DistrictModel model = new DistrictModel(7, COMMUNES, CALENDAR, 1.0);

    @Test
    void the_same_seed_gives_the_same_events_whether_written_at_once_or_bit_by_bit() {
        Instant from = Instant.parse("2026-11-02T00:00:00Z");
        Instant middle = from.plus(Duration.ofMinutes(3 * 24 * 60 + 17));
        Instant to = from.plus(Duration.ofDays(7));

        List<String> whole = json(new DistrictModel(7, COMMUNES, CALENDAR, 1.0).between(from, to));
        List<String> inParts = json(model.between(from, middle));
        inParts.addAll(json(model.between(middle, to)));

        assertThat(whole).hasSizeGreaterThan(100).isEqualTo(inParts);
        assertThat(json(new DistrictModel(8, COMMUNES, CALENDAR, 1.0).between(from, to)))
                .isNotEqualTo(whole);
    }

    @Test
    void every_simulated_event_passes_intakes_checks() {
        List<SimulatedEvent> events =
                model.between(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));

        assertThat(events)
                .allSatisfy(e -> assertThat(READER.read(e.json(), ReceptionEventReader.Source.CLIENT))
                        .as(e.json().toString())
                        .isInstanceOf(EventCheck.Valid.class));
    }

    @Test
    void an_ordinary_month_looks_like_a_district_a_few_events_a_day_in_office_hours_mostly_land() {
        LocalDate first = LocalDate.of(2026, 10, 1);
        // What citizens bring; the office's own steps of the cases are looked at below.
        List<ReceptionEvent> month = events(first, first.plusDays(28)).stream()
                .filter(e -> e.type() != EventType.CASE_UPDATE)
                .toList();

        long weekdays = first.datesUntil(first.plusDays(28))
                .filter(d -> d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue())
                .count();
        long onWeekdays = month.stream()
                .filter(e ->
                        e.occurredAt().atZoneSameInstant(VIETNAM).getDayOfWeek().getValue() <= 5)
                .count();
        double perCommuneWeekday = (double) onWeekdays / weekdays / COMMUNES.size();
        assertThat(perCommuneWeekday).as("events per commune per weekday").isBetween(1.5, 6.0);
        assertThat(share(month, e -> hourOf(e) >= 7 && hourOf(e) < 17))
                .as("share in office hours")
                .isGreaterThan(0.8);

        Map<Field, Long> byField = month.stream()
                .filter(e -> e.field() != null)
                .collect(Collectors.groupingBy(ReceptionEvent::field, Collectors.counting()));
        assertThat(byField.get(Field.LAND))
                .isEqualTo(byField.values().stream().max(Long::compare).orElseThrow());
        assertThat(month).anyMatch(e -> e.type() == EventType.VISIT && e.headcount() >= 5);
        assertThat(month).anyMatch(e -> e.type() == EventType.INCIDENT);
        assertThat(month).anyMatch(e -> e.type() == EventType.ESCALATION);
        Map<String, Long> visitsPerCase = month.stream()
                .filter(e -> e.caseRef() != null && e.type() == EventType.VISIT)
                .collect(Collectors.groupingBy(ReceptionEvent::caseRef, Collectors.counting()));
        assertThat(visitsPerCase.values()).as("cases that come back").anyMatch(n -> n >= 3);
        assertThat(month).anyMatch(ReceptionEvent::complex);
    }

    @Test
    void the_weeks_before_election_day_are_busier_and_bring_candidate_letters() {
        List<ReceptionEvent> before = events(CALENDAR.day().minusDays(14), CALENDAR.day()).stream()
                .filter(e -> e.type() != EventType.CASE_UPDATE)
                .toList();
        List<ReceptionEvent> after = events(
                        CALENDAR.day().plusDays(28), CALENDAR.day().plusDays(42))
                .stream()
                .filter(e -> e.type() != EventType.CASE_UPDATE)
                .toList();

        assertThat((double) before.size() / after.size()).isGreaterThan(1.5);
        assertThat(before.stream().filter(ReceptionEvent::candidateRelated).count())
                .isGreaterThan(10);
        assertThat(share(after, ReceptionEvent::candidateRelated)).isLessThan(0.03);
    }

    @Test
    void each_case_follows_its_course_mostly_on_time_once_each_step_on_weekdays() {
        LocalDate first = LocalDate.of(2026, 9, 1);
        List<ReceptionEvent> events = events(first, first.plusMonths(4));
        Map<String, List<ReceptionEvent>> byCase = events.stream()
                .filter(e -> e.caseRef() != null)
                .collect(Collectors.groupingBy(ReceptionEvent::caseRef));
        // The complaints and denunciations first received in September, with their whole course ahead in the span.
        List<List<ReceptionEvent>> september = byCase.values().stream()
                .filter(list -> list.stream()
                        .anyMatch(e -> e.type() != EventType.CASE_UPDATE
                                && (e.content() == Content.COMPLAINT || e.content() == Content.DENUNCIATION)))
                .filter(list -> list.stream()
                                .filter(e -> e.type() != EventType.CASE_UPDATE)
                                .map(e -> e.occurredAt().toLocalDate())
                                .min(LocalDate::compareTo)
                                .orElseThrow()
                                .getMonth()
                        == Month.SEPTEMBER)
                .toList();
        assertThat(september).hasSizeGreaterThan(100);
        long answeredInTenDays = september.stream()
                .filter(list -> {
                    LocalDate received = list.stream()
                            .filter(e -> e.type() != EventType.CASE_UPDATE)
                            .map(e -> e.occurredAt().toLocalDate())
                            .min(LocalDate::compareTo)
                            .orElseThrow();
                    return list.stream()
                            .anyMatch(e -> (e.status() == CaseStatus.ACCEPTED || e.status() == CaseStatus.REJECTED)
                                    && !e.occurredAt().toLocalDate().isAfter(received.plusDays(12)));
                })
                .count();
        assertThat((double) answeredInTenDays / september.size())
                .as("answered within the law's days")
                .isBetween(0.7, 0.95);
        long neverAnswered = september.stream()
                .filter(list -> list.stream()
                        .noneMatch(e -> e.status() == CaseStatus.ACCEPTED || e.status() == CaseStatus.REJECTED))
                .count();
        assertThat(neverAnswered).as("a few never taken up").isPositive().isLessThan(september.size() / 10);
        assertThat(september)
                .allSatisfy(list -> assertThat(list.stream()
                                .filter(e -> e.status() == CaseStatus.ACCEPTED)
                                .count())
                        .isLessThanOrEqualTo(1));
        assertThat(events)
                .filteredOn(e -> e.type() == EventType.CASE_UPDATE && e.status() != CaseStatus.DIALOGUE)
                .allSatisfy(e ->
                        assertThat(e.occurredAt().getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
        assertThat(events).anyMatch(e -> e.status() == CaseStatus.EXTENDED && e.summary() != null);
    }

    private List<ReceptionEvent> events(LocalDate from, LocalDate to) {
        return model
                .between(
                        from.atStartOfDay(VIETNAM).toInstant(),
                        to.atStartOfDay(VIETNAM).toInstant())
                .stream()
                .map(e -> ((EventCheck.Valid) READER.read(e.json(), ReceptionEventReader.Source.CLIENT)).event())
                .toList();
    }

    private static int hourOf(ReceptionEvent event) {
        return event.occurredAt().atZoneSameInstant(VIETNAM).getHour();
    }

    private static double share(List<ReceptionEvent> events, Function<ReceptionEvent, Boolean> condition) {
        return (double) events.stream().filter(condition::apply).count() / events.size();
    }

    private static List<String> json(List<SimulatedEvent> events) {
        return events.stream().map(e -> e.json().toString()).collect(Collectors.toList());
    }
}
