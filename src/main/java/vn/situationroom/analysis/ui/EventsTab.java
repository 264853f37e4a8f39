package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.EventHistory;
import vn.situationroom.region.Region;

/**
 * The events of the period, communes and filters picked, newest first, paged from the history, with their total and
 * their export; never the person behind an event.
 */
final class EventsTab extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Grid<EventHistory.StoredEvent> events = new Grid<>();
    private final Span total = new Span();

    EventsTab(
            EventHistory history,
            Region region,
            ElectionCalendar calendar,
            Supplier<AnalysisFilters> filters,
            AnalysisView.Reader read,
            Exports exports) {
        events.addClassName("analysis-events");
        events.addColumn(e -> e.occurredAt().atZoneSameInstant(calendar.zone()).format(TIME))
                .setHeader(getTranslation("field.occurredAt"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(e -> region.shortName(e.communeCode()))
                .setHeader(getTranslation("field.communeCode"))
                .setAutoWidth(true);
        events.addColumn(e -> label("EventType", e.type()))
                .setHeader(getTranslation("field.type"))
                .setAutoWidth(true);
        events.addColumn(e -> label("Content", e.content()))
                .setHeader(getTranslation("field.content"))
                .setAutoWidth(true);
        events.addColumn(e -> label("Field", e.field()))
                .setHeader(getTranslation("field.field"))
                .setAutoWidth(true);
        events.addColumn(EventHistory.StoredEvent::headcount)
                .setHeader(getTranslation("field.headcount"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(this::flags)
                .setHeader(getTranslation("analysis.events.flags"))
                .setAutoWidth(true);
        events.addColumn(EventHistory.StoredEvent::caseRef)
                .setHeader(getTranslation("field.caseRef"))
                .setAutoWidth(true);
        events.addColumn(EventHistory.StoredEvent::summary)
                .setHeader(getTranslation("field.summary"))
                .setFlexGrow(3);
        events.setSizeFull();
        events.setItems(
                query -> {
                    AnalysisFilters current = filters.get();
                    return read
                            .unlessUnavailable(
                                    () -> history.events(
                                                    current.from(),
                                                    current.to(),
                                                    current.eventFilter(),
                                                    query.getPage(),
                                                    query.getPageSize())
                                            .items(),
                                    List.<EventHistory.StoredEvent>of())
                            .stream();
                },
                query -> {
                    AnalysisFilters current = filters.get();
                    long count = read.unlessUnavailable(
                            () -> history.events(current.from(), current.to(), current.eventFilter(), 0, 1)
                                    .total(),
                            0L);
                    total.setText(getTranslation("analysis.events.total", count));
                    return (int) Math.min(count, Integer.MAX_VALUE);
                });
        HorizontalLayout links = new HorizontalLayout(
                total,
                new Span(getTranslation("analysis.export.events")),
                exports.link("events", "csv", exports::events),
                exports.link("events", "xlsx", exports::events));
        links.addClassName("analysis-exports");
        links.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(links, events);
        addClassName("analysis-events-tab");
        setSizeFull();
        setPadding(false);
        setFlexGrow(1, events);
    }

    /** Reads the events again, for new filters. */
    void refresh() {
        events.getDataProvider().refreshAll();
    }

    private String flags(EventHistory.StoredEvent event) {
        List<String> flags = new ArrayList<>();
        if (event.complex()) {
            flags.add(getTranslation("field.complex"));
        }
        if (event.candidateRelated()) {
            flags.add(getTranslation("field.candidateRelated"));
        }
        return String.join(", ", flags);
    }

    private String label(String type, String code) {
        return code == null ? "" : getTranslation("enum." + type + "." + code);
    }
}
