package vn.situationroom.platform;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the Kafka contracts: ISO-8601 times, unknown properties tolerated for forward compatibility. */
public final class Json {

    /** Thread-safe and immutable; shared by every serde and reader. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}
}
