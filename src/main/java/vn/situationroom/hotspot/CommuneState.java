package vn.situationroom.hotspot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything the analytics keep for one commune, as the value of the changelogged state store: its open windows, the
 * daily and hourly counts the detectors compare with, the recent visits of its cases, and its active alerts. Kept
 * small by pruning: a few kilobytes per commune.
 */
final class CommuneState {

    /** The commune. */
    public String communeCode;
    /** The first local day (epoch day) the commune was watched; detectors need known days, not zeros for lack of data. */
    public long sinceDay = Long.MAX_VALUE;
    /** Open hour windows by start (epoch ms). */
    public TreeMap<Long, CommuneIndicators> hours = new TreeMap<>();
    /** Open day windows by start (epoch ms). */
    public TreeMap<Long, CommuneIndicators> days = new TreeMap<>();
    /** Hour windows that start before this (epoch ms) are closed: a late event no longer reopens them. */
    public long hoursClosedBefore = Long.MIN_VALUE;
    /** Day windows that start before this (epoch ms) are closed. */
    public long daysClosedBefore = Long.MIN_VALUE;
    /** Visits and petitions per local day (epoch day): the daily detectors' series. */
    public TreeMap<Long, Long> daily = new TreeMap<>();
    /** Visits and petitions per hour (epoch hour): the hourly surge's series. */
    public TreeMap<Long, Long> hourly = new TreeMap<>();
    /** The visit times (epoch ms) of each case within the repeat span. */
    public TreeMap<String, List<Long>> cases = new TreeMap<>();
    /**
     * The active (OPEN or ACKNOWLEDGED) alerts: of each rule that events raise, by the rule's name; of each standing
     * condition, by the rule's name and the alert's id.
     */
    public TreeMap<String, Alert> alerts = new TreeMap<>();
    /** The ids of the standing conditions' alerts ever raised, with when (epoch ms): each is raised once. */
    public TreeMap<String, Long> raised = new TreeMap<>();
    /** The hotspot state last written, to write again only what changed. */
    public CommuneHotspot last;

    static CommuneState of(String communeCode) {
        CommuneState state = new CommuneState();
        state.communeCode = communeCode;
        return state;
    }

    /** Records a visit of a case and returns the visits within the span that ends with it, this one included. */
    int visitCase(String caseRef, long at, long spanMillis) {
        List<Long> visits = cases.computeIfAbsent(caseRef, ref -> new ArrayList<>());
        visits.add(at);
        visits.sort(null);
        return (int) visits.stream().filter(t -> t > at - spanMillis && t <= at).count();
    }

    /** Forgets what no detector will look at again. */
    void prune(long oldestDay, long oldestHour, long oldestCaseVisit, long oldestRaised) {
        raised.values().removeIf(at -> at < oldestRaised);
        daily.headMap(oldestDay).clear();
        hourly.headMap(oldestHour).clear();
        cases.values().forEach(visits -> visits.removeIf(t -> t < oldestCaseVisit));
        cases.values().removeIf(List::isEmpty);
    }
}
