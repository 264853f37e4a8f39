package vn.situationroom.analysis.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vn.situationroom.history.Counter;
import vn.situationroom.history.EventHistory;
import vn.situationroom.history.Granularity;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;

/**
 * What the analyst looks at, kept in the page's URL so that a view can be reloaded, bookmarked and shared: the days,
 * the communes (none: the whole region), the counter and its granularity, and the events' type, content, field and
 * flags. A parameter that cannot be read is named in {@link #problems()} and its default is used.
 *
 * @param from the first day
 * @param to the last day
 * @param communes the communes' codes; empty for the whole region
 * @param counter the counter charted and ranked
 * @param granularity the trend's buckets
 * @param type the events' type, or null for any
 * @param content the events' content, or null for any
 * @param field the events' field, or null for any
 * @param complex only complex, prolonged events when true
 * @param candidateRelated only candidate-related events when true
 * @param tab the open tab
 * @param problems the parameters that could not be read, each with what was wrong
 */
public record AnalysisFilters(
        LocalDate from,
        LocalDate to,
        List<String> communes,
        Counter counter,
        Granularity granularity,
        EventType type,
        Content content,
        Field field,
        boolean complex,
        boolean candidateRelated,
        Tab tab,
        List<String> problems) {

    /** The analysis view's tabs. */
    public enum Tab {
        TREND,
        EVENTS,
        ALERTS,
        BACKTEST
    }

    public AnalysisFilters {
        communes = List.copyOf(communes);
        problems = List.copyOf(problems);
    }

    /** The last 30 days of the whole region, visits by day. */
    static AnalysisFilters defaults(LocalDate today) {
        return new AnalysisFilters(
                today.minusDays(29),
                today,
                List.of(),
                Counter.VISITS,
                Granularity.DAY,
                null,
                null,
                null,
                false,
                false,
                Tab.TREND,
                List.of());
    }

    /** Reads the URL's parameters; communes outside the region ({@code known}) are problems too. */
    static AnalysisFilters parse(QueryParameters query, LocalDate today, Predicate<String> known) {
        AnalysisFilters defaults = defaults(today);
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> parameters = query.getParameters();
        LocalDate from = date(parameters, "from", problems).orElse(defaults.from());
        LocalDate to = date(parameters, "to", problems).orElse(defaults.to());
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= IndicatorHistory.MAX_DAYS) {
            problems.add("to");
            from = defaults.from();
            to = defaults.to();
        }
        List<String> communes = new ArrayList<>();
        for (String value : parameters.getOrDefault("commune", List.of())) {
            for (String code : value.split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                if (known.test(code.strip())) {
                    communes.add(code.strip());
                } else if (!problems.contains("commune")) {
                    problems.add("commune");
                }
            }
        }
        Counter counter =
                one(parameters, "counter", problems, Counter::byApiName).orElse(defaults.counter());
        Granularity granularity = one(parameters, "granularity", problems, name -> enumOf(Granularity.class, name))
                .orElse(defaults.granularity());
        if (granularity == Granularity.HOUR && ChronoUnit.DAYS.between(from, to) >= IndicatorHistory.MAX_HOUR_DAYS) {
            problems.add("granularity");
            granularity = Granularity.DAY;
        }
        EventType type = one(parameters, "type", problems, name -> enumOf(EventType.class, name))
                .orElse(null);
        Content content = one(parameters, "content", problems, name -> enumOf(Content.class, name))
                .orElse(null);
        Field field = one(parameters, "field", problems, name -> enumOf(Field.class, name))
                .orElse(null);
        boolean complex =
                one(parameters, "complex", problems, AnalysisFilters::bool).orElse(false);
        boolean candidate = one(parameters, "candidateRelated", problems, AnalysisFilters::bool)
                .orElse(false);
        Tab tab = one(parameters, "tab", problems, name -> enumOf(Tab.class, name))
                .orElse(Tab.TREND);
        return new AnalysisFilters(
                from, to, communes, counter, granularity, type, content, field, complex, candidate, tab, problems);
    }

    /** The URL's parameters for these filters; defaults are left out. */
    QueryParameters toQuery() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("from", List.of(from.toString()));
        parameters.put("to", List.of(to.toString()));
        if (!communes.isEmpty()) {
            parameters.put("commune", List.of(String.join(",", communes)));
        }
        parameters.put("counter", List.of(counter.apiName()));
        parameters.put("granularity", List.of(granularity.name()));
        if (type != null) {
            parameters.put("type", List.of(type.name()));
        }
        if (content != null) {
            parameters.put("content", List.of(content.name()));
        }
        if (field != null) {
            parameters.put("field", List.of(field.name()));
        }
        if (complex) {
            parameters.put("complex", List.of("true"));
        }
        if (candidateRelated) {
            parameters.put("candidateRelated", List.of("true"));
        }
        if (tab != Tab.TREND) {
            parameters.put("tab", List.of(tab.name()));
        }
        return new QueryParameters(parameters);
    }

    /** The events these filters select, for the history's queries. */
    EventHistory.EventFilter eventFilter() {
        return new EventHistory.EventFilter(
                communes,
                type == null ? null : type.name(),
                content == null ? null : content.name(),
                field == null ? null : field.name(),
                complex ? true : null,
                candidateRelated ? true : null,
                null,
                null);
    }

    AnalysisFilters withCommunes(List<String> codes) {
        return new AnalysisFilters(
                from, to, codes, counter, granularity, type, content, field, complex, candidateRelated, tab, List.of());
    }

    AnalysisFilters withTab(Tab newTab) {
        return new AnalysisFilters(
                from,
                to,
                communes,
                counter,
                granularity,
                type,
                content,
                field,
                complex,
                candidateRelated,
                newTab,
                List.of());
    }

    private static Optional<LocalDate> date(Map<String, List<String>> parameters, String name, List<String> problems) {
        return one(parameters, name, problems, value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static <T> Optional<T> one(
            Map<String, List<String>> parameters,
            String name,
            List<String> problems,
            java.util.function.Function<String, Optional<T>> reader) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.isEmpty() || values.getFirst().isBlank()) {
            return Optional.empty();
        }
        Optional<T> value = reader.apply(values.getFirst().strip());
        if (value.isEmpty() || values.size() > 1) {
            problems.add(name);
        }
        return value;
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(name))
                .findFirst();
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
