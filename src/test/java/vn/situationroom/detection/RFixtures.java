package vn.situationroom.detection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;
import vn.situationroom.platform.Json;

/** The cases of a fixture made with R: each a series, a control list, and R's answer; named by series and control. */
final class RFixtures {

    private RFixtures() {}

    static Stream<Arguments> cases(String resource) {
        try (InputStream in = RFixtures.class.getResourceAsStream(resource)) {
            JsonNode root = Json.MAPPER.readTree(in);
            return root.get("cases")
                    .valueStream()
                    .map(c -> Arguments.of(c.get("series").asString() + " " + c.get("control"), c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
