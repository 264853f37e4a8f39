package vn.situationroom.hotspot;

import vn.situationroom.intake.ReceptionEvent;

/**
 * What one commune's window has seen so far: the state of the windowed aggregation.
 *
 * @param events the number of events
 * @param people the sum of their headcounts
 */
public record WindowCounts(long events, long people) {

    static WindowCounts empty() {
        return new WindowCounts(0, 0);
    }

    WindowCounts add(ReceptionEvent event) {
        return new WindowCounts(events + 1, people + event.headcount());
    }
}
