package vn.situationroom.platform;

import java.util.List;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded broker and database of the default run and hands their addresses to Spring Boot as
 * connection details, so that every Kafka client and the data source use them. Each one stays off as soon as the
 * standard property of the external service ({@code spring.kafka.bootstrap-servers}, {@code spring.datasource.url})
 * is set.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedServicesConfiguration {

    @Bean
    DataDirectory dataDirectory(PlatformProperties properties) {
        return DataDirectory.of(properties);
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedKafkaCondition.class)
    EmbeddedKafkaBroker embeddedKafkaBroker(DataDirectory data, PlatformProperties properties) {
        return EmbeddedKafkaBroker.start(
                data.resolve("kafka"), properties.kafkaPort(), properties.kafkaControllerPort());
    }

    @Bean
    @Conditional(EmbeddedKafkaCondition.class)
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedPostgresCondition.class)
    EmbeddedPostgresDatabase embeddedPostgresDatabase(DataDirectory data, PlatformProperties properties) {
        // A run's data is durable; an ephemeral run's (the tests', deleted on exit) need not be.
        return EmbeddedPostgresDatabase.start(
                data.resolve("postgres"), properties.postgresPort(), !properties.ephemeral());
    }

    @Bean
    @Conditional(EmbeddedPostgresCondition.class)
    JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgresDatabase database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedPostgresDatabase.USER;
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }
}
