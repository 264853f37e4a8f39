package vn.situationroom.hotspot;

import java.util.EnumMap;
import java.util.Map;
import vn.situationroom.intake.Content;
import vn.situationroom.intake.EventType;
import vn.situationroom.intake.Field;
import vn.situationroom.intake.ReceptionEvent;

/**
 * The counts of one window as the analytics keep and change them: one number per counter and per content and field,
 * read from and written to the window store in the compact form, turned into {@link Indicators} only when written
 * to {@code commune-indicators}.
 */
final class WindowCounts {

    private static final Content[] CONTENTS = Content.values();
    private static final Field[] FIELDS = Field.values();
    private static final int EVENTS = 0;
    private static final int VISITS = 1;
    private static final int PETITIONS = 2;
    private static final int PEOPLE = 3;
    private static final int CROWDS = 4;
    private static final int COMPLEX = 5;
    private static final int CANDIDATE_RELATED = 6;
    private static final int INCIDENTS = 7;
    private static final int ESCALATIONS = 8;
    private static final int CASE_UPDATES = 9;
    private static final int REPEAT_CASES = 10;
    private static final int CONTENT = 11;
    private static final int FIELD = CONTENT + CONTENTS.length;
    private static final int SIZE = FIELD + FIELDS.length;

    private final long[] counts;

    private WindowCounts(long[] counts) {
        this.counts = counts;
    }

    static WindowCounts empty() {
        return new WindowCounts(new long[SIZE]);
    }

    /** One more event; {@code crowd} is the rules' judgement of it. */
    void add(ReceptionEvent event, boolean crowd) {
        EventType type = event.type();
        counts[EVENTS]++;
        counts[PEOPLE] += event.headcount();
        switch (type) {
            case VISIT -> counts[VISITS]++;
            case PETITION -> counts[PETITIONS]++;
            case INCIDENT -> counts[INCIDENTS]++;
            case ESCALATION -> counts[ESCALATIONS]++;
            case CASE_UPDATE -> counts[CASE_UPDATES]++;
        }
        if (crowd) {
            counts[CROWDS]++;
        }
        if (event.complex()) {
            counts[COMPLEX]++;
        }
        if (event.candidateRelated()) {
            counts[CANDIDATE_RELATED]++;
        }
        if (event.content() != null) {
            counts[CONTENT + event.content().ordinal()]++;
        }
        if (event.field() != null) {
            counts[FIELD + event.field().ordinal()]++;
        }
    }

    /** One more case that came back in the window. */
    void addRepeatCase() {
        counts[REPEAT_CASES]++;
    }

    long events() {
        return counts[EVENTS];
    }

    long people() {
        return counts[PEOPLE];
    }

    /** The visits and petitions: what the daily and hourly detectors count. */
    long visitsAndPetitions() {
        return counts[VISITS] + counts[PETITIONS];
    }

    Indicators indicators() {
        Map<Content, Long> content = new EnumMap<>(Content.class);
        for (Content c : CONTENTS) {
            if (counts[CONTENT + c.ordinal()] > 0) {
                content.put(c, counts[CONTENT + c.ordinal()]);
            }
        }
        Map<Field, Long> field = new EnumMap<>(Field.class);
        for (Field f : FIELDS) {
            if (counts[FIELD + f.ordinal()] > 0) {
                field.put(f, counts[FIELD + f.ordinal()]);
            }
        }
        return new Indicators(
                counts[EVENTS],
                counts[VISITS],
                counts[PETITIONS],
                counts[PEOPLE],
                content,
                field,
                counts[CROWDS],
                counts[COMPLEX],
                counts[CANDIDATE_RELATED],
                counts[INCIDENTS],
                counts[ESCALATIONS],
                counts[CASE_UPDATES],
                counts[REPEAT_CASES]);
    }

    /** The compact form: how many numbers, then each; a window kept by an older version with fewer reads as zeros. */
    byte[] encode() {
        StateCodec.Writer out = new StateCodec.Writer(SIZE + 2).varint(SIZE);
        for (long count : counts) {
            out.varint(count);
        }
        return out.toBytes();
    }

    static WindowCounts decode(byte[] bytes) {
        StateCodec.Reader in = new StateCodec.Reader(bytes, "window");
        int size = in.varintInt();
        if (size > SIZE) {
            throw in.damaged(size + " counts, more than the " + SIZE + " a window has");
        }
        long[] counts = new long[SIZE];
        for (int i = 0; i < size; i++) {
            counts[i] = in.varint();
        }
        return new WindowCounts(counts);
    }
}
