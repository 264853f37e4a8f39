package vn.situationroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reading of event times gives exactly what {@link OffsetDateTime#parse} gives, or fails where it fails. */
class IsoTimesTests {

    @Test
    void every_time_reads_as_the_jdk_reads_it() {
        Random random = new Random(5);
        String[] seeds = {
            "2026-03-15T08:30:00+07:00",
            "2026-03-15T01:30:00.123Z",
            "2024-02-29T23:59:59.123456789-05:30",
            "2026-12-31T00:00:00-00:00",
            "2026-03-15T08:30+07:00",
            "2026-03-15t08:30:00z",
            "2026-03-15T08:30:00+07",
            "2026-03-15T08:30:00+07:00:30",
            "2026-03-15T08:30:00.1234567891Z",
            "2026-03-15T08:30:00.Z"
        };
        String alphabet = "0123456789-+:.TZtz 9";
        int compared = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int k = random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String s = text.toString();
            OffsetDateTime expected = null;
            try {
                expected = OffsetDateTime.parse(s);
            } catch (DateTimeException e) {
                // the fast reading must fail too
            }
            OffsetDateTime read = null;
            try {
                read = IsoTimes.parse(s);
            } catch (DateTimeException e) {
                // compared below
            }
            assertThat(read).as(s).isEqualTo(expected);
            if (expected != null) {
                compared++;
            }
        }
        assertThat(compared).as("times that are valid after the change").isGreaterThan(2000);
    }
}
