package vn.situationroom.live;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.situationroom.hotspot.AlertTexts;

/**
 * Who was told of alerts beyond the screens (by email, SMS, webhook), for the screens that list alerts. The
 * notifications implement it; the screens depend on this, not on them.
 */
public interface NotifiedAlerts {

    /**
     * One notification of an alert.
     *
     * @param channel EMAIL, SMS or WEBHOOK
     * @param state PENDING, SENDING, SENT, RETRY, FAILED or CANCELLED
     */
    record Notice(String channel, String state) {}

    /** The notifications of each of the alerts, in the order they were queued (alerts without any left out). */
    Map<String, List<Notice>> of(Collection<String> alertIds);

    /** An alert's notifications in a line: how many went by which channel, and what became of them. */
    static String summary(AlertTexts.Translator t, List<Notice> notices) {
        Map<String, Long> counts = notices.stream()
                .collect(Collectors.groupingBy(
                        n -> n.channel() + "/" + n.state(), LinkedHashMap::new, Collectors.counting()));
        String parts = counts.entrySet().stream()
                .map(e -> {
                    String[] channelAndState = e.getKey().split("/");
                    return t.get(
                            "notify.alert.one",
                            e.getValue(),
                            t.get("notify.channel." + channelAndState[0]),
                            t.get("notify.state." + channelAndState[1]));
                })
                .collect(Collectors.joining(", "));
        return t.get("notify.alert.summary", parts);
    }
}
