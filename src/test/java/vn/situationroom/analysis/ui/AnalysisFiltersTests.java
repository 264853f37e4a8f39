package vn.situationroom.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.situationroom.history.Counter;
import vn.situationroom.history.Granularity;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;

class AnalysisFiltersTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final Set<String> COMMUNES = Set.of("29416", "29419", "29422");

    @Test
    void a_shared_address_gives_back_every_filter() {
        AnalysisFilters filters = new AnalysisFilters(
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 16),
                List.of("29416", "29422"),
                Counter.FIELD_LAND,
                Granularity.WEEK,
                EventType.PETITION,
                Content.DENUNCIATION,
                Field.ELECTION_CANDIDATE,
                true,
                true,
                AnalysisFilters.Tab.EVENTS,
                List.of());

        String address = filters.toQuery().getQueryString();
        AnalysisFilters read = AnalysisFilters.parse(QueryParameters.fromString(address), TODAY, COMMUNES::contains);

        assertThat(read).isEqualTo(filters);
        assertThat(address).contains("counter=field.LAND", "commune=29416%2C29422", "tab=EVENTS");
    }

    @Test
    void no_parameters_is_the_last_30_days_of_the_whole_region() {
        AnalysisFilters read = AnalysisFilters.parse(QueryParameters.empty(), TODAY, COMMUNES::contains);

        assertThat(read.from()).isEqualTo(LocalDate.of(2026, 2, 19));
        assertThat(read.to()).isEqualTo(TODAY);
        assertThat(read.communes()).isEmpty();
        assertThat(read.counter()).isEqualTo(Counter.VISITS);
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void a_parameter_that_cannot_be_read_is_named_and_its_default_used() {
        AnalysisFilters read = AnalysisFilters.parse(
                QueryParameters.fromString(
                        "from=2026-13-01&commune=29416,99999&counter=votes&granularity=HOUR&to=2026-03-20&type=RIOT"
                                + "&complex=yes"),
                TODAY,
                COMMUNES::contains);

        assertThat(read.problems()).containsExactly("from", "commune", "counter", "type", "complex");
        assertThat(read.communes()).containsExactly("29416");
        assertThat(read.counter()).isEqualTo(Counter.VISITS);
        assertThat(read.granularity()).isEqualTo(Granularity.HOUR);
        assertThat(read.type()).isNull();
        assertThat(read.complex()).isFalse();
    }

    @Test
    void hours_are_refused_over_more_than_93_days_and_a_range_that_ends_before_it_starts() {
        AnalysisFilters long_ = AnalysisFilters.parse(
                QueryParameters.fromString("from=2025-01-01&to=2026-03-20&granularity=HOUR"),
                TODAY,
                COMMUNES::contains);
        assertThat(long_.problems()).containsExactly("granularity");
        assertThat(long_.granularity()).isEqualTo(Granularity.DAY);

        AnalysisFilters backwards = AnalysisFilters.parse(
                QueryParameters.fromString("from=2026-03-10&to=2026-03-01"), TODAY, COMMUNES::contains);
        assertThat(backwards.problems()).containsExactly("to");
        assertThat(backwards.from()).isEqualTo(LocalDate.of(2026, 2, 19));
    }
}
