package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.grid.Grid;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.AlertHistory;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.live.LevelTexts;
import vn.situationroom.region.Region;

/** The alerts active in the period and communes picked, newest first, with their handling; paged from the history. */
final class AlertsTab extends Grid<AlertHistory.StoredAlert> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * @param read reads from the history, or gives what it is told (with a notice) while the history cannot be read
     */
    AlertsTab(
            AlertHistory history,
            Region region,
            ElectionCalendar calendar,
            Supplier<AnalysisFilters> filters,
            AnalysisView.Reader read) {
        addClassName("analysis-alerts");
        addColumn(a -> a.firstSeen().atZone(calendar.zone()).format(TIME))
                .setHeader(getTranslation("analysis.alerts.first-seen"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(a -> region.shortName(a.communeCode()))
                .setHeader(getTranslation("field.communeCode"))
                .setAutoWidth(true);
        addColumn(a -> getTranslation("level." + a.severity()))
                .setHeader(getTranslation("field.severity"))
                .setAutoWidth(true);
        addColumn(a -> a.reasons().isEmpty()
                        ? ""
                        : LevelTexts.reason(this, a.reasons().getFirst()))
                .setHeader(getTranslation("analysis.alerts.why"))
                .setFlexGrow(3);
        addColumn(a -> getTranslation("analysis.alerts.state." + a.state()))
                .setHeader(getTranslation("analysis.alerts.state"))
                .setAutoWidth(true);
        addColumn(a -> AlertTexts.handling(
                        this::getTranslation, a.acknowledgedBy(), a.acknowledgeNote(), a.resolvedBy(), a.resolveNote()))
                .setHeader(getTranslation("analysis.alerts.handling"))
                .setFlexGrow(2);
        setSizeFull();
        setItems(
                query -> {
                    AnalysisFilters current = filters.get();
                    return read
                            .unlessUnavailable(
                                    () -> history.alerts(
                                                    current.from(),
                                                    current.to(),
                                                    new AlertHistory.AlertFilter(current.communes(), null, null),
                                                    query.getPage(),
                                                    query.getPageSize())
                                            .items(),
                                    List.<AlertHistory.StoredAlert>of())
                            .stream();
                },
                query -> {
                    AnalysisFilters current = filters.get();
                    return read.unlessUnavailable(
                            () -> (int) history.alerts(
                                            current.from(),
                                            current.to(),
                                            new AlertHistory.AlertFilter(current.communes(), null, null),
                                            0,
                                            1)
                                    .total(),
                            0);
                });
    }
}
