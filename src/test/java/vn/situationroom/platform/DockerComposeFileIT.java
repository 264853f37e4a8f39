package vn.situationroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compose file cannot run here (no Docker engine), but Debian's docker-compose must accept it as written, and it
 * must be shaped for production: three brokers keeping three copies, two app replicas behind a sticky proxy, each
 * service waiting for the health of those it needs, nothing but the proxy published beyond this machine.
 */
class DockerComposeFileIT {

    @Test
    void docker_compose_accepts_the_file_and_it_is_shaped_for_production() throws Exception {
        Result check = compose("config", "-q");
        assertThat(check.exitCode()).as(check.output()).isZero();

        Result services = compose("config", "--services");
        assertThat(services.output().lines().toList())
                .containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3", "timescaledb", "app", "proxy");

        JsonNode config = new YAMLMapper().readTree(compose("config").output());
        JsonNode app = config.at("/services/app");
        assertThat(app.path("scale").asInt()).as("app replicas").isEqualTo(2);
        assertThat(app.at("/environment/KAFKA_TOPIC_REPLICAS").asText()).isEqualTo("3");
        assertThat(app.at("/environment/KAFKA_BOOTSTRAP_SERVERS").asText().split(","))
                .hasSize(3);
        assertThat(app.path("healthcheck").isMissingNode())
                .as("the app's health check")
                .isFalse();
        for (String needed : List.of("kafka-1", "kafka-2", "kafka-3", "timescaledb")) {
            assertThat(app.at("/depends_on/" + needed + "/condition").asText()).isEqualTo("service_healthy");
        }
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            JsonNode environment = config.at("/services/" + broker + "/environment");
            assertThat(environment.path("KAFKA_DEFAULT_REPLICATION_FACTOR").asText())
                    .isEqualTo("3");
            assertThat(environment.path("KAFKA_MIN_INSYNC_REPLICAS").asText()).isEqualTo("2");
            assertThat(environment.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asText())
                    .isEqualTo("2");
        }
        assertThat(config.at("/services/proxy/depends_on/app/condition").asText())
                .isEqualTo("service_healthy");
        // Only the proxy is published to the network; the broker and the database to this machine alone.
        for (JsonNode service : config.path("services")) {
            for (JsonNode port : service.path("ports")) {
                String published = port.isTextual() ? port.asText() : port.toString();
                if (!service.equals(config.at("/services/proxy"))) {
                    assertThat(published)
                            .as("a port published by a service behind the proxy")
                            .startsWith("127.0.0.1:");
                }
            }
        }
        String proxy = Files.readString(Path.of("deploy", "haproxy.cfg"));
        assertThat(proxy).as("sticky sessions").contains("cookie SR_REPLICA insert");
        assertThat(proxy).contains("server-template app").contains("option httpchk GET /actuator/health");
    }

    @Test
    void the_database_password_must_be_given_not_defaulted() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .redirectErrorStream(true);
        builder.environment().remove("DATABASE_PASSWORD");
        Result result = run(builder);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("DATABASE_PASSWORD");
    }

    private static Result compose(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DATABASE_PASSWORD", "compose-check");
        builder.environment().put("PERSON_HASH_SALT", "compose-check-salt");
        return run(builder);
    }

    private static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
