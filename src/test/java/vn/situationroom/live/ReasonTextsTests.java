package vn.situationroom.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.situationroom.hotspot.Alert;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.hotspot.Reason;
import vn.situationroom.region.RegionLoader;
import vn.situationroom.ui.BundleI18NProvider;

/**
 * The words a screen shows for a reason: a candidate denunciation before, on and after election day; a late case and a
 * day without duty; and the system's own notes.
 */
class ReasonTextsTests {

    /** No officer on duty at the reception office on 8 March 2026. */
    private static final Reason ROSTER_GAP =
            new Reason("ROSTER_GAP", HotspotLevel.WATCH, 7.0, null, null, "id", null, null, LocalDate.of(2026, 3, 8));

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CASE_OVERDUE  | RESOLVE | 2 | vi | Vụ việc KN-7 quá hạn giải quyết: hạn 27/02/2026, đã quá 2 ngày
            CASE_DUE_SOON | ACCEPT  | 3 | vi | Vụ việc KN-7 sắp đến hạn thụ lý: hạn 27/02/2026, còn 3 ngày
            CASE_OVERDUE  | ACCEPT  | 1 | en | Case KN-7 is overdue to be accepted: due 27/02/2026, 1 day(s) late
            """)
    void a_late_case_names_the_case_the_step_and_the_day(
            String kind, String step, double days, String language, String text) {
        Reason reason =
                new Reason(kind, HotspotLevel.WATCH, days, null, null, "id", "KN-7", step, LocalDate.of(2026, 2, 27));
        assertThat(AlertTexts.reason(
                        (key, params) -> i18n.getTranslation(key, Locale.forLanguageTag(language), params), reason))
                .isEqualTo(text);
    }

    @Test
    void a_day_without_duty_and_the_systems_own_notes_read_as_words() {
        AlertTexts.Translator vi = (key, params) -> i18n.getTranslation(key, Locale.forLanguageTag("vi"), params);
        assertThat(AlertTexts.reason(vi, ROSTER_GAP))
                .isEqualTo("Ngày 08/03/2026 chưa có cán bộ trực tại Ban Tiếp công dân huyện");
        // Since July 2025 a province has no districts: its reception office above the communes is the province's.
        BundleI18NProvider province = new BundleI18NProvider(
                RegionLoader.load(getClass().getResourceAsStream("/region/tra-vinh-communes.geojson"), "province", ""));
        AlertTexts.Translator inProvince =
                (key, params) -> province.getTranslation(key, Locale.forLanguageTag("vi"), params);
        assertThat(AlertTexts.reason(inProvince, ROSTER_GAP))
                .isEqualTo("Ngày 08/03/2026 chưa có cán bộ trực tại Ban Tiếp công dân tỉnh");
        assertThat(province.getTranslation("enum.ReceptionPoint.DISTRICT_OFFICE", Locale.forLanguageTag("vi")))
                .isEqualTo("Ban Tiếp công dân tỉnh");
        assertThat(province.getTranslation("wall.on-duty.none", Locale.ENGLISH))
                .isEqualTo("Nobody is on duty at the provincial reception office now");
        assertThat(province.getTranslation("enum.ReceptionPoint.COMMUNE_OFFICE", Locale.forLanguageTag("vi")))
                .as("a text without a province's own")
                .isEqualTo(i18n.getTranslation("enum.ReceptionPoint.COMMUNE_OFFICE", Locale.forLanguageTag("vi")));
        assertThat(AlertTexts.handling(vi, null, null, Alert.SYSTEM, Alert.CONDITION_ENDED))
                .isEqualTo("Kết thúc: system. hệ thống tự đóng: tình trạng đã thay đổi hoặc đã hết");
        assertThat(AlertTexts.handling(vi, "chỉ huy", "đã cử tổ công tác", "chỉ huy", "ổn định"))
                .isEqualTo("Tiếp nhận: chỉ huy. đã cử tổ công tác · Kết thúc: chỉ huy. ổn định");
    }
}
