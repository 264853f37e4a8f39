package vn.situationroom.hotspot;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the screens and the report say about alerts and reasons, in the words of the i18n bundles: the keys and their
 * parameters in one place, whoever translates them.
 */
public final class AlertTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Looks up a bundle key and fills in its parameters. */
    @FunctionalInterface
    public interface Translator {
        String get(String key, Object... params);
    }

    private AlertTexts() {}

    /**
     * How long ago an alert was first seen, as people say it: just now, minutes in its first hour, then hours and
     * minutes, then days and hours (an officer reads "3 ngày 2 giờ trước", not "4440 phút trước").
     */
    public static String ago(Translator t, Duration since) {
        long minutes = Math.max(0, since.toMinutes());
        if (minutes == 0) {
            return t.get("alert.ago.now");
        }
        if (minutes < 60) {
            return t.get("alert.ago.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return t.get("alert.ago.hours", minutes / 60, minutes % 60);
        }
        return t.get("alert.ago.days", minutes / (24 * 60), minutes / 60 % 24);
    }

    /**
     * One reason in words. The bundle's {@code reason.<kind>} gets: {0} what was seen, {1} what was expected, {2} the
     * threshold, {3} the subject (a case's reference), {4} the step ("accept", "resolve"), {5} the day.
     */
    public static String reason(Translator t, Reason reason) {
        return t.get(
                "reason." + reason.kind(),
                number(reason.observed()),
                number(reason.expected()),
                number(reason.threshold()),
                reason.subject() == null ? "" : reason.subject(),
                reason.step() == null ? "" : t.get("reason.step." + reason.step()),
                reason.date() == null ? "" : DATE.format(reason.date()));
    }

    /**
     * Who acknowledged and who resolved an alert, with their notes; the system's notes in words. Empty when nobody
     * did anything yet.
     */
    public static String handling(
            Translator t, String acknowledgedBy, String acknowledgeNote, String resolvedBy, String resolveNote) {
        List<String> parts = new ArrayList<>();
        if (acknowledgedBy != null) {
            parts.add(t.get("analysis.alerts.acknowledged", acknowledgedBy, note(t, acknowledgedBy, acknowledgeNote)));
        }
        if (resolvedBy != null) {
            parts.add(t.get("analysis.alerts.resolved", resolvedBy, note(t, resolvedBy, resolveNote)));
        }
        return String.join(" · ", parts);
    }

    private static String note(Translator t, String by, String note) {
        if (note == null) {
            return "";
        }
        return Alert.SYSTEM.equals(by) && (Alert.QUIET.equals(note) || Alert.CONDITION_ENDED.equals(note))
                ? t.get("alert.system-note." + note)
                : note;
    }

    private static double number(Double value) {
        return value == null ? 0 : value;
    }
}
