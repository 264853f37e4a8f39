package vn.situationroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's faster start: {@code tools/aot-cache.sh} makes the ahead-of-time cache, and the packaged app started as
 * README says starts from it (java is told to stop rather than start without it) and answers as usual.
 */
class AotCacheIT {

    @TempDir
    Path data;

    @Test
    void the_packaged_app_starts_from_the_cache_the_tool_makes() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "an ahead-of-time cache needs a JDK 25 or newer");
        Path log = data.resolve("aot-cache.log");
        ProcessBuilder tool = new ProcessBuilder("bash", "tools/aot-cache.sh")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        tool.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = tool.start();
        boolean finished = process.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            // Its training app would keep the tool's ports for the rest of the suite.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        assertThat(finished).as("tools/aot-cache.sh finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();

        Path folder = Path.of("target", "app");
        Path jar;
        try (var files = Files.list(folder)) {
            jar = files.filter(p -> p.getFileName().toString().matches("situation-room-.*\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        AppProcess app = AppProcess.of(
                        data.resolve("app"),
                        "--situationroom.platform.kafka-port=" + AppProcess.freePort(),
                        "--situationroom.platform.kafka-controller-port=" + AppProcess.freePort(),
                        "--situationroom.platform.postgres-port=" + AppProcess.freePort())
                .fromJar(
                        folder.resolve(jar.getFileName()),
                        "-XX:AOTCache=" + folder.resolve("app.aot"),
                        "-XX:AOTMode=on");
        try {
            app.start();
            assertThat(new TestHttp(app.port()).getJson("/api/v1/alerts").isArray())
                    .isTrue();
            assertThat(app.linesContaining("AOT cache"))
                    .as("java said nothing about the cache")
                    .isZero();
        } finally {
            app.kill();
        }
    }
}
