package vn.situationroom.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long ago an alert was first seen reads as people say it, from the Vietnamese bundle the screens use. */
class AlertTextsTests {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(
            "vaadin-i18n/translations",
            VIETNAMESE,
            // Vietnamese is the base bundle: not the machine's own language's.
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "PT0S, vừa xong",
        "-PT30S, vừa xong", // a clock a moment behind
        "PT1M, 1 phút trước",
        "PT59M59S, 59 phút trước",
        "PT1H, 1 giờ 0 phút trước",
        "PT23H59M, 23 giờ 59 phút trước",
        "PT24H, 1 ngày 0 giờ trước",
        "PT74H5M, 3 ngày 2 giờ trước"
    })
    void ago_reads_in_minutes_then_hours_then_days(String since, String expected) {
        AlertTexts.Translator vietnamese =
                (key, params) -> new MessageFormat(BUNDLE.getString(key), VIETNAMESE).format(params);
        assertThat(AlertTexts.ago(vietnamese, Duration.parse(since))).isEqualTo(expected);
    }
}
