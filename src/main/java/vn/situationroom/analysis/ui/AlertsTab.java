package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.grid.Grid;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.AlertHistory;
import vn.situationroom.hotspot.AlertTexts;
import vn.situationroom.live.LevelTexts;
import vn.situationroom.live.NotifiedAlerts;
import vn.situationroom.region.Region;

/** The alerts active in the period and communes picked, newest first, with their handling; paged from the history. */
final class AlertsTab extends Grid<AlertHistory.StoredAlert> {

    /** The notifications of the alerts of the pages read so far. */
    private final Map<String, List<NotifiedAlerts.Notice>> notices = new ConcurrentHashMap<>();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * @param read reads from the history, or gives what it is told (with a notice) while the history cannot be read
     */
    AlertsTab(
            AlertHistory history,
            Region region,
            ElectionCalendar calendar,
            Supplier<AnalysisFilters> filters,
            AnalysisView.Reader read,
            NotifiedAlerts notified) {
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
        addColumn(a -> notices.containsKey(a.alertId())
                        ? NotifiedAlerts.summary(this::getTranslation, notices.get(a.alertId()))
                        : "")
                .setHeader(getTranslation("analysis.alerts.notified"))
                .setFlexGrow(2);
        setSizeFull();
        setItems(
                query -> {
                    AnalysisFilters current = filters.get();
                    List<AlertHistory.StoredAlert> page = read.unlessUnavailable(
                            () -> history.alerts(
                                            current.from(),
                                            current.to(),
                                            new AlertHistory.AlertFilter(current.communes(), null, null),
                                            query.getPage(),
                                            query.getPageSize())
                                    .items(),
                            List.<AlertHistory.StoredAlert>of());
                    // Who was told of the page's alerts, in one read; nothing while the database cannot be read.
                    try {
                        notices.putAll(notified.of(page.stream()
                                .map(AlertHistory.StoredAlert::alertId)
                                .toList()));
                    } catch (DataAccessException e) {
                        // the column stays empty
                    }
                    return page.stream();
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
