package vn.situationroom.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.situationroom.analysis.ChartOptions;
import vn.situationroom.detection.Detection;
import vn.situationroom.detection.Detector;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.AlertHistory;
import vn.situationroom.history.DailyCounts;
import vn.situationroom.hotspot.AlertRule;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.ui.Chart;
import vn.situationroom.ui.ViewerCommunes;

/**
 * The analyst's back-test: a detector run over one commune's visits and petitions per day of the period picked, with
 * its parameters (empty ones take the detector's defaults, shown as hints), drawn with its bound and its alarms. The
 * detector also reads the days it needs before the period, so that every day of the period has a bound.
 */
final class BacktestTab extends VerticalLayout {

    private final DailyCounts dailyCounts;
    private final AlertHistory alerts;
    private final ElectionCalendar calendar;
    private final Supplier<AnalysisFilters> filters;
    private final Chart chart = new Chart();
    private final Select<Commune> commune = new Select<>();
    private final Select<Detector> method = new Select<>();
    private final IntegerField baseline = new IntegerField();
    private final NumberField alpha = new NumberField();
    private final NumberField weight = new NumberField();
    private final IntegerField weeks = new IntegerField();
    private final Span summary = new Span();

    /** @param filters the screen's filters, whose period the back-test runs over */
    BacktestTab(
            Region region,
            DailyCounts dailyCounts,
            AlertHistory alerts,
            ElectionCalendar calendar,
            Supplier<AnalysisFilters> filters) {
        this.dailyCounts = dailyCounts;
        this.alerts = alerts;
        this.calendar = calendar;
        this.filters = filters;
        commune.setLabel(getTranslation("field.communeCode"));
        ViewerCommunes.limit(commune, region);
        commune.setItemLabelGenerator(Commune::name);
        method.setLabel(getTranslation("analysis.backtest.method"));
        method.setItems(Detector.values());
        method.setItemLabelGenerator(m -> getTranslation("analysis.backtest.method." + m.name()));
        method.setWidth("24em");
        baseline.setLabel(getTranslation("analysis.backtest.baseline"));
        baseline.addClassName("analysis-backtest-baseline");
        baseline.setMin(1);
        baseline.setMax(365);
        alpha.setLabel(getTranslation("analysis.backtest.alpha"));
        weight.setLabel(getTranslation("analysis.backtest.weight"));
        weeks.setLabel(getTranslation("analysis.backtest.weeks"));
        weeks.addClassName("analysis-backtest-weeks");
        weeks.setMin(1);
        weeks.setMax(52);
        method.addValueChangeListener(e -> showParameters(e.getValue()));
        method.setValue(Detector.DEFAULT);
        Button run = new Button(getTranslation("analysis.backtest.run"), e -> run());
        run.addClassName("analysis-backtest-run");
        HorizontalLayout form = new HorizontalLayout(commune, method, baseline, weeks, alpha, weight, run);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        chart.addClassName("analysis-backtest");
        chart.setWidthFull();
        chart.setHeight("100%");
        summary.addClassName("analysis-backtest-summary");
        Div help = new Div(getTranslation("analysis.backtest.help"));
        help.addClassName("analysis-help");
        add(help, form, summary, chart);
        setSizeFull();
        setPadding(false);
        setFlexGrow(1, chart);
    }

    /** The commune the back-test runs for, when the screen's filters pick one. */
    void select(Commune picked) {
        commune.setValue(picked);
    }

    private void run() {
        Commune picked = commune.getValue();
        if (picked == null) {
            commune.setInvalid(true);
            commune.setErrorMessage(getTranslation("police.dialog.required"));
            return;
        }
        commune.setInvalid(false);
        AnalysisFilters period = filters.get();
        Map<String, Number> values = new HashMap<>();
        fields().forEach((name, field) -> {
            if (field.isVisible() && field.getValue() != null) {
                values.put(name, field.getValue());
            }
        });
        List<Detection> days;
        LocalDate first;
        try {
            // The days the detector needs before the period are read too, so that the period's first day has a bound.
            int lookback = method.getValue().lookback(values);
            first = period.from().minusDays(lookback);
            double[] series = dailyCounts.visitsAndPetitions(picked.code(), first, period.to(), calendar.zone());
            List<Detection> all = method.getValue().detect(series, values);
            days = all.subList(Math.min(lookback, all.size()), all.size());
        } catch (IllegalArgumentException e) {
            summary.setText(getTranslation("analysis.backtest.refused", e.getMessage()));
            return;
        }
        long alarms = days.stream().filter(d -> Boolean.TRUE.equals(d.alarm())).count();
        Map<LocalDate, Integer> fired = firedDays(picked, period);
        summary.setText(getTranslation(
                "analysis.backtest.summary",
                picked.name(),
                days.size(),
                alarms,
                fired.values().stream().mapToInt(Integer::intValue).sum()));
        chart.setOption(ChartOptions.backtest(
                days,
                first,
                fired,
                getTranslation("analysis.backtest.observed"),
                getTranslation("analysis.backtest.bound"),
                getTranslation("analysis.backtest.alarm"),
                getTranslation("analysis.backtest.fired")));
    }

    /** The alerts the live analytics raised for the commune in the period (of what happens on the ground), by day. */
    private Map<LocalDate, Integer> firedDays(Commune commune, AnalysisFilters period) {
        Map<LocalDate, Integer> fired = new java.util.TreeMap<>();
        alerts
                .alerts(
                        period.from(),
                        period.to(),
                        new AlertHistory.AlertFilter(List.of(commune.code()), null, null),
                        0,
                        1000)
                .items()
                .stream()
                .filter(alert -> AlertRule.valueOf(alert.rule()).onTheGround())
                .forEach(alert ->
                        fired.merge(alert.firstSeen().atZone(calendar.zone()).toLocalDate(), 1, Integer::sum));
        return fired;
    }

    /** The form's parameter fields by the catalogue's names. */
    private Map<String, AbstractNumberField<?, ? extends Number>> fields() {
        return Map.of("baseline", baseline, "b", weeks, "alpha", alpha, "weight", weight);
    }

    /** Shows the fields the detector takes, each with its default as the hint: what an empty field means. */
    private void showParameters(Detector detector) {
        fields().forEach((name, field) -> {
            var parameter = detector.parameter(name);
            field.setVisible(parameter.isPresent());
            field.setPlaceholder(
                    parameter.map(p -> String.valueOf(p.defaultValue())).orElse(""));
        });
    }
}
