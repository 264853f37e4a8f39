package vn.situationroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words a screen shows for a candidate denunciation, before, on and after election day. */
class ReasonTextsTests {

    private final BundleI18NProvider i18n = new BundleI18NProvider();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            8    | vi | Tố cáo liên quan người ứng cử, còn 8 ngày đến ngày bầu cử
            1    | vi | Tố cáo liên quan người ứng cử, còn 1 ngày đến ngày bầu cử
            0    | vi | Tố cáo liên quan người ứng cử, đúng ngày bầu cử
            -256 | vi | Tố cáo liên quan người ứng cử, sau ngày bầu cử
            8    | en | Denunciation about a candidate, 8 days before election day
            -3   | en | Denunciation about a candidate, after election day
            """)
    void a_candidate_reason_reads_right_on_every_side_of_election_day(double days, String language, String text) {
        assertThat(i18n.getTranslation("reason.CANDIDATE", Locale.forLanguageTag(language), days, 0.0, 10.0))
                .isEqualTo(text);
    }
}
