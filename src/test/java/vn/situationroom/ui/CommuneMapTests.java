package vn.situationroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the map sends after its first drawing: only what changed. */
class CommuneMapTests {

    private static final CommuneMap.CommuneStyle NORMAL = new CommuneMap.CommuneStyle("NORMAL", "Bình thường", "");
    private static final CommuneMap.CommuneStyle CRITICAL =
            new CommuneMap.CommuneStyle("CRITICAL", "Nghiêm trọng", "Đoàn đông người: 25 người (ngưỡng 10)");

    @Test
    void a_level_change_among_thousands_of_communes_is_one_change() {
        Map<String, CommuneMap.CommuneStyle> before = new LinkedHashMap<>();
        for (int i = 0; i < 3321; i++) {
            before.put("C" + i, NORMAL);
        }
        Map<String, CommuneMap.CommuneStyle> after = new HashMap<>(before);
        after.put("C1234", CRITICAL);

        assertThat(CommuneMap.changes(before, after)).containsExactly(Map.entry("C1234", CRITICAL));
        assertThat(CommuneMap.changes(after, after)).isEmpty();
    }

    @Test
    void a_commune_that_has_no_style_any_more_is_sent_as_none() {
        Map<String, CommuneMap.CommuneStyle> changes =
                CommuneMap.changes(Map.of("A", NORMAL, "B", CRITICAL), Map.of("A", NORMAL, "C", NORMAL));

        assertThat(changes).hasSize(2).containsEntry("C", NORMAL).containsKey("B");
        assertThat(changes.get("B")).as("B is drawn as having no activity").isNull();
    }
}
