package vn.situationroom.hotspot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact form of an active alert in the analytics' alert store: a crowd or a case that keeps coming back merges
 * every new trigger into its alert, so that the alert is read and written once per event; as JSON that was a tenth of
 * the stream's time. The JSON form stays the contract of the {@code alerts} topic.
 */
final class AlertCodec implements Serde<Alert> {

    private static final byte VERSION = 1;
    private static final AlertRule[] RULES = AlertRule.values();
    private static final HotspotLevel[] LEVELS = HotspotLevel.values();
    private static final AlertState[] STATES = AlertState.values();

    @Override
    public Serializer<Alert> serializer() {
        return (topic, alert) -> alert == null ? null : encode(alert);
    }

    @Override
    public Deserializer<Alert> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(Alert alert) {
        StateCodec.Writer out =
                new StateCodec.Writer(96).varint(VERSION).text(alert.alertId()).text(alert.communeCode());
        enumValue(out, alert.rule());
        enumValue(out, alert.severity());
        enumValue(out, alert.state());
        instant(out, alert.firstSeen());
        instant(out, alert.lastSeen());
        out.varint(alert.count()).varint(alert.reasons().size());
        for (Reason reason : alert.reasons()) {
            text(out, reason.kind());
            enumValue(out, reason.severity());
            number(out, reason.observed());
            number(out, reason.expected());
            number(out, reason.threshold());
            text(out, reason.alertId());
            text(out, reason.subject());
            text(out, reason.step());
            out.signed(reason.date() == null ? Long.MIN_VALUE : reason.date().toEpochDay());
        }
        text(out, alert.acknowledgedBy());
        instant(out, alert.acknowledgedAt());
        text(out, alert.acknowledgeNote());
        text(out, alert.resolvedBy());
        instant(out, alert.resolvedAt());
        text(out, alert.resolveNote());
        return out.toBytes();
    }

    static Alert decode(byte[] bytes) {
        StateCodec.Reader in = new StateCodec.Reader(bytes, "alert");
        long version = in.varint();
        if (version != VERSION) {
            throw in.damaged("version " + version);
        }
        String alertId = in.text();
        String commune = in.text();
        AlertRule rule = enumValue(in, RULES);
        HotspotLevel severity = enumValue(in, LEVELS);
        AlertState state = enumValue(in, STATES);
        Instant firstSeen = instant(in);
        Instant lastSeen = instant(in);
        long count = in.varint();
        int reasonCount = in.varintInt();
        List<Reason> reasons = new ArrayList<>(reasonCount);
        for (int i = 0; i < reasonCount; i++) {
            String kind = text(in);
            HotspotLevel reasonSeverity = enumValue(in, LEVELS);
            Double observed = number(in);
            Double expected = number(in);
            Double threshold = number(in);
            String reasonAlert = text(in);
            String subject = text(in);
            String step = text(in);
            long day = in.signed();
            reasons.add(new Reason(
                    kind,
                    reasonSeverity,
                    observed,
                    expected,
                    threshold,
                    reasonAlert,
                    subject,
                    step,
                    day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day)));
        }
        return new Alert(
                alertId,
                commune,
                rule,
                severity,
                state,
                firstSeen,
                lastSeen,
                count,
                reasons,
                text(in),
                instant(in),
                text(in),
                text(in),
                instant(in),
                text(in));
    }

    private static void text(StateCodec.Writer out, String value) {
        if (value == null) {
            out.varint(0);
        } else {
            out.varint(1).text(value);
        }
    }

    private static String text(StateCodec.Reader in) {
        return in.varint() == 0 ? null : in.text();
    }

    private static void enumValue(StateCodec.Writer out, Enum<?> value) {
        out.varint(value == null ? 0 : value.ordinal() + 1);
    }

    private static <E extends Enum<E>> E enumValue(StateCodec.Reader in, E[] values) {
        int value = in.varintInt();
        if (value > values.length) {
            throw in.damaged("no " + values[0].getDeclaringClass().getSimpleName() + " number " + (value - 1));
        }
        return value == 0 ? null : values[value - 1];
    }

    private static void instant(StateCodec.Writer out, Instant value) {
        if (value == null) {
            out.varint(0);
        } else {
            out.varint(1).signed(value.getEpochSecond()).varint(value.getNano());
        }
    }

    private static Instant instant(StateCodec.Reader in) {
        return in.varint() == 0 ? null : Instant.ofEpochSecond(in.signed(), in.varint());
    }

    private static void number(StateCodec.Writer out, Double value) {
        if (value == null) {
            out.varint(0);
        } else {
            out.varint(1).fixedLong(Double.doubleToRawLongBits(value));
        }
    }

    private static Double number(StateCodec.Reader in) {
        return in.varint() == 0 ? null : Double.longBitsToDouble(in.fixedLong());
    }
}
