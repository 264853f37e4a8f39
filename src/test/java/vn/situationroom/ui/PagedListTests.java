package vn.situationroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A long list shows its first page, says there is more, and opens one more page at a time, kept across updates. */
class PagedListTests {

    private static final List<Integer> ITEMS = IntStream.range(0, 120).boxed().toList();

    @Test
    void a_list_of_120_shows_50_then_100_then_all_and_keeps_what_was_opened_when_it_changes() {
        PagedList<Integer> list = new PagedList<>();
        list.show(ITEMS, item -> new Span("item " + item));
        assertThat(items(list)).hasSize(50).first().isEqualTo("item 0");
        more(list).click();
        assertThat(items(list)).hasSize(100);

        // A live change redraws the list: what the officer opened stays open.
        list.show(ITEMS.subList(1, 120), item -> new Span("item " + item));
        assertThat(items(list)).hasSize(100).first().isEqualTo("item 1");
        more(list).click();
        assertThat(items(list)).hasSize(119).last().isEqualTo("item 119");
        assertThat(list.getChildren().filter(Button.class::isInstance)).isEmpty();
        assertThat(list.getChildren()).hasSize(119).as("no button once everything is shown");
    }

    private static List<String> items(PagedList<Integer> list) {
        return list.getChildren()
                .filter(Span.class::isInstance)
                .map(c -> ((Span) c).getText())
                .toList();
    }

    private static Button more(PagedList<Integer> list) {
        Component footer = list.getChildren()
                .filter(c -> c.getClassNames().contains("paged-list-more"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button for more"));
        return footer.getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
