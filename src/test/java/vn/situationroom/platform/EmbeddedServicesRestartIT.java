package vn.situationroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting the embedded broker and database keeps what they held: the data folder is the state. */
class EmbeddedServicesRestartIT {

    @TempDir
    Path data;

    @Test
    void the_broker_keeps_its_topics_and_records_across_a_restart() throws Exception {
        String topic = "restart-check";
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>(topic, "k", "kept across restarts"))
                        .get();
            }
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0, 0)) {
            assertThat(readAll(broker.bootstrapServers(), topic)).containsExactly("kept across restarts");
        }
    }

    @Test
    void the_database_keeps_its_rows_across_a_restart() throws Exception {
        try (EmbeddedPostgresDatabase database = EmbeddedPostgresDatabase.start(data.resolve("postgres"), 0);
                Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
                Statement statement = connection.createStatement()) {
            // The default is durable: every commit on disk before it is answered.
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet shown = statement.executeQuery("SHOW " + setting)) {
                    assertThat(shown.next()).isTrue();
                    assertThat(shown.getString(1)).as(setting).isEqualTo("on");
                }
            }
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('kept across restarts')");
        }

        try (EmbeddedPostgresDatabase database = EmbeddedPostgresDatabase.start(data.resolve("postgres"), 0);
                Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept across restarts");
            // Nobody connects without the password, nor with another.
            assertThatThrownBy(() ->
                            DriverManager.getConnection(database.jdbcUrl()).close())
                    .isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "guess")
                            .close())
                    .isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "restart-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(Set.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
