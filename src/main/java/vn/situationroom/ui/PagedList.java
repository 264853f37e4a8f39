package vn.situationroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Function;

/**
 * A list that shows its first items and a button for more: at a country's scale a list of communes or alerts can run
 * to thousands, and a screen that drew them all on every change would fall behind. The most severe come first, so the
 * first page is what needs doing; the number shown of how many is always said.
 */
public class PagedList<T> extends Div {

    /** How many items a page adds. */
    public static final int PAGE = 50;

    private int shown = PAGE;
    private List<T> items = List.of();
    private Function<T, Component> draw = item -> new Span(String.valueOf(item));

    public PagedList() {
        addClassName("paged-list");
    }

    /** Shows these items, as many as the pages opened so far hold, each drawn by {@code draw}. */
    public void show(List<T> items, Function<T, Component> draw) {
        this.items = List.copyOf(items);
        this.draw = draw;
        render();
    }

    private void render() {
        removeAll();
        int count = Math.min(shown, items.size());
        for (int i = 0; i < count; i++) {
            add(draw.apply(items.get(i)));
        }
        if (items.size() > count) {
            Span howMany = new Span(getTranslation("list.shown", count, items.size()));
            Button more = new Button(getTranslation("list.more", Math.min(PAGE, items.size() - count)), click -> {
                shown += PAGE;
                render();
            });
            more.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Div footer = new Div(howMany, more);
            footer.addClassName("paged-list-more");
            add(footer);
        }
    }
}
