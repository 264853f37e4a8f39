package vn.situationroom.simulator;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.random.RandomGenerator;

/** The synthetic names, hamlets and summaries the simulator draws from ({@code simulator/vocabulary.properties}). */
final class Vocabulary {

    private final Properties words = new Properties();

    Vocabulary() {
        try (Reader reader = new InputStreamReader(
                Vocabulary.class.getResourceAsStream("/simulator/vocabulary.properties"), StandardCharsets.UTF_8)) {
            words.load(reader);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("simulator/vocabulary.properties is missing", e));
        }
    }

    String pick(String key, RandomGenerator random) {
        List<String> choices = List.of(words.getProperty(key, "").split("[,|]"));
        return choices.get(random.nextInt(choices.size())).strip();
    }

    String summary(String kind, RandomGenerator random) {
        String choices = words.getProperty("summary." + kind);
        if (choices == null) {
            return null;
        }
        String[] options = choices.split("\\|");
        return options[random.nextInt(options.length)];
    }
}
