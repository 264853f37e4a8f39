package vn.situationroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compose file cannot run here (no Docker engine), but Debian's docker-compose must accept it as written. */
class DockerComposeFileIT {

    @Test
    void docker_compose_accepts_the_file_and_it_has_the_three_services() throws Exception {
        Result check = compose("config", "-q");
        assertThat(check.exitCode()).as(check.output()).isZero();

        Result services = compose("config", "--services");
        assertThat(services.output().lines().toList()).containsExactlyInAnyOrder("kafka", "timescaledb", "app");
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
