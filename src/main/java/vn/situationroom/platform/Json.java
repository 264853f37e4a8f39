package vn.situationroom.platform;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the Kafka contracts: ISO-8601 times, unknown properties tolerated by data binding (intake's
 * reader names them itself), and a field given twice refused, since nobody can tell which of the two was meant.
 */
public final class Json {

    /** Thread-safe and immutable; shared by every serde and reader. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // An event's time keeps the offset it was reported in; read back it must be the same value, not UTC.
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private Json() {}
}
