package vn.situationroom.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import vn.situationroom.platform.BrokerStatus;
import vn.situationroom.platform.DataDirectory;
import vn.situationroom.platform.PlatformProperties;
import vn.situationroom.region.Region;

/** Declares intake's topics and wires the reader, the transactional publisher and the service. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    KafkaAdmin.NewTopics intakeTopics(PlatformProperties platform) {
        return new KafkaAdmin.NewTopics(
                IntakeTopics.RECEPTION_EVENTS.toNewTopic(platform),
                IntakeTopics.RECEPTION_EVENTS_REJECTED.toNewTopic(platform),
                IntakeTopics.RECEPTION_EVENT_PERSONS.toNewTopic(platform));
    }

    @Bean
    PersonHasher personHasher(IntakeProperties properties, DataDirectory data) {
        String salt = properties.personHashSalt();
        if (salt == null || salt.isBlank()) {
            return new PersonHasher(data.secret("person-hash-salt", 32));
        }
        if (salt.length() < 16) {
            throw new IllegalStateException("situationroom.intake.person-hash-salt must be at least 16 characters");
        }
        return new PersonHasher(salt.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    ReceptionEventReader receptionEventReader(
            Region region, PersonHasher personHasher, IntakeProperties properties, Clock clock) {
        return new ReceptionEventReader(region::contains, personHasher, clock, properties.maxEventAge());
    }

    @Bean(destroyMethod = "close")
    ReceptionEventPublisher receptionEventPublisher(
            ProducerFactory<String, byte[]> producerFactory, DataDirectory data, BrokerStatus broker) {
        // Intake's own producer, transactional so that an offer is written whole or not at all. Boot's producer stays
        // as it is: making it transactional would also make Boot create a Kafka transaction manager for every listener.
        var transactional = new DefaultKafkaProducerFactory<>(
                producerFactory.getConfigurationProperties(), new StringSerializer(), new ByteArraySerializer());
        // One id per app instance, the same across its restarts: two instances with one id would fence each other
        // off, and a restarted instance under its old id aborts at once what a crash left open, instead of leaving
        // every read_committed consumer waiting for the broker's transaction timeout.
        transactional.setTransactionIdPrefix("situation-room-intake-" + data.instanceId() + "-");
        // A request must not hang for a minute when the broker is away: give up and answer 503 instead. Offers are
        // small, so a transaction open for 20 s belongs to a dead instance and may be aborted.
        transactional.updateConfigs(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 20_000));
        return new ReceptionEventPublisher(transactional, broker);
    }

    @Bean
    IntakeService intakeService(
            ReceptionEventReader reader,
            ReceptionEventPublisher publisher,
            ObjectProvider<CaseUpdateRules> caseRules,
            Clock clock) {
        return new IntakeService(reader, publisher, clock, caseRules::getIfAvailable);
    }

    @Bean
    CsvImport csvImport(IntakeService intake, IntakeProperties properties) {
        return new CsvImport(intake, properties);
    }
}
