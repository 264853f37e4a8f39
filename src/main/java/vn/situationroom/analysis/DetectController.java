package vn.situationroom.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.situationroom.detection.Detection;
import vn.situationroom.detection.Detector;
import vn.situationroom.election.ElectionCalendar;
import vn.situationroom.history.DailyCounts;
import vn.situationroom.history.IndicatorHistory;
import vn.situationroom.hotspot.DetectorSettings;
import vn.situationroom.hotspot.HotspotSettings;
import vn.situationroom.region.Region;

/**
 * {@code POST /api/v1/analysis/detect}: a detector over a daily series, either given ({@code series}) or a commune's
 * visits and petitions per day from history ({@code communeCode}, {@code from}, {@code to}). EARS takes the
 * parameters of R's {@code earsC} control list and answers by its conventions; FARRINGTON those of
 * {@code farringtonFlexible} on a weekly-periodic series; EWMA its own; {@code AUTO} is the live analytics' detector.
 */
@RestController
@RequestMapping("/api/v1/analysis/detect")
class DetectController {

    /** The method name that stands for the live analytics' own daily detector. */
    static final String AUTO = "AUTO";

    private final DailyCounts dailyCounts;
    private final Region region;
    private final ElectionCalendar calendar;
    private final HotspotSettings hotspot;

    DetectController(DailyCounts dailyCounts, Region region, ElectionCalendar calendar, HotspotSettings hotspot) {
        this.dailyCounts = dailyCounts;
        this.region = region;
        this.calendar = calendar;
        this.hotspot = hotspot;
    }

    /**
     * The detector {@code AUTO} stands for: the live analytics' daily method ({@code situationroom.hotspot.detectors.
     * daily-method}), Farrington-Flexible by default; with {@code EARS} there, C2, the main one of that set.
     */
    private Detector auto() {
        return hotspot.detectors().dailyMethod() == DetectorSettings.DailyMethod.FARRINGTON
                ? Detector.FARRINGTON
                : Detector.C2;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> detect(@RequestBody JsonNode request) {
        RequestProblems errors = new RequestProblems();
        String requested = request.path("method").asString("");
        Optional<Detector> detector = AUTO.equals(requested) ? Optional.of(auto()) : Detector.named(requested);
        if (detector.isEmpty()) {
            errors.add("method", "must be one of " + Detector.names() + " or " + AUTO);
        }
        LocalDate from = null;
        double[] series = null;
        if (request.has("series")) {
            series = series(request.get("series"), errors);
        } else if (request.has("communeCode")) {
            String commune = request.get("communeCode").asString("");
            from = errors.date(request, "from");
            LocalDate to = errors.date(request, "to");
            if (!region.contains(commune)) {
                errors.add("communeCode", "is not a commune of the loaded region");
            }
            if (from != null
                    && to != null
                    && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= IndicatorHistory.MAX_DAYS)) {
                errors.add("to", "must be on or after from, at most " + IndicatorHistory.MAX_DAYS + " days later");
            }
            if (errors.isEmpty()) {
                series = dailyCounts.visitsAndPetitions(commune, from, to, calendar.zone());
            }
        } else {
            errors.add("series", "give a series of daily counts, or communeCode with from and to");
        }
        List<Detection> days = null;
        if (errors.isEmpty()) {
            try {
                days = detector.orElseThrow().detect(series, parameters(detector.orElseThrow(), request));
            } catch (IllegalArgumentException e) {
                errors.add("$", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return errors.answer("detection");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("method", detector.orElseThrow().name());
        if (AUTO.equals(requested)) {
            answer.put("auto", true);
        }
        if (from != null) {
            answer.put("from", from.toString());
        }
        answer.put("days", days);
        return ResponseEntity.ok(answer);
    }

    /** The detector's parameters the request gives, by the catalogue's names and kinds. */
    private static Map<String, Number> parameters(Detector detector, JsonNode request) {
        Map<String, Number> values = new HashMap<>();
        for (Detector.Parameter parameter : detector.parameters()) {
            // Not a conditional expression: Integer and Double there would be unboxed, and an absent one is null.
            Number value;
            if (parameter.kind() == Detector.Kind.WHOLE) {
                value = integer(request, parameter.name());
            } else if (parameter.kind() == Detector.Kind.FLAG) {
                value = flag(request, parameter.name());
            } else {
                value = number(request, parameter.name());
            }
            if (value != null) {
                values.put(parameter.name(), value);
            }
        }
        return values;
    }

    private static double[] series(JsonNode node, RequestProblems errors) {
        if (!node.isArray() || node.isEmpty() || node.size() > IndicatorHistory.MAX_DAYS) {
            errors.add("series", "must be an array of 1 to " + IndicatorHistory.MAX_DAYS + " daily counts");
            return null;
        }
        double[] series = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.isNumber() || value.asDouble() < 0 || Double.isInfinite(value.asDouble())) {
                errors.add("series[" + i + "]", "must be a count, a number of at least 0");
            } else {
                series[i] = value.asDouble();
            }
        }
        return series;
    }

    private static Double number(JsonNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number");
        }
        return value.asDouble();
    }

    private static Integer flag(JsonNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return value.asBoolean() ? 1 : 0;
    }

    private static Integer integer(JsonNode request, String name) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        return value.asInt();
    }
}
