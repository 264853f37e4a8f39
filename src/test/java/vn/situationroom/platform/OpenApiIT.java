package vn.situationroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import vn.situationroom.TestHttp;

/**
 * The REST API's OpenAPI description lists every endpoint the app answers under /api, each with its method, and
 * nothing else; it is for signed-in callers only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OpenApiIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_description_lists_exactly_the_endpoints_that_exist() throws Exception {
        JsonNode description = new TestHttp(port).getJson("/api/v1/openapi");
        assertThat(description.path("openapi").asString()).startsWith("3.");
        Set<String> described = new TreeSet<>();
        description
                .path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> described.add(operation.getKey().toUpperCase() + " " + path.getKey())));

        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/") && !pattern.startsWith("/api/v1/openapi"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> served.add(method.name() + " " + pattern))));

        assertThat(served).as("the endpoints under /api").hasSizeGreaterThan(10);
        assertThat(described).isEqualTo(served);
        assertThat(TestHttp.anonymous(port).get("/api/v1/openapi").statusCode())
                .as("nobody signed in")
                .isEqualTo(401);
    }
}
