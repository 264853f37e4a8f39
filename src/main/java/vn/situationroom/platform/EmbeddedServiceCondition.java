package vn.situationroom.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the property that points at an external service is not set, so the embedded one is needed. */
abstract class EmbeddedServiceCondition implements Condition {

    private final String externalProperty;

    EmbeddedServiceCondition(String externalProperty) {
        this.externalProperty = externalProperty;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(externalProperty);
        return value == null || value.isBlank();
    }
}

/** The embedded broker runs unless {@code spring.kafka.bootstrap-servers} names an external one. */
final class EmbeddedKafkaCondition extends EmbeddedServiceCondition {
    EmbeddedKafkaCondition() {
        super("spring.kafka.bootstrap-servers");
    }
}

/** The embedded database runs unless {@code spring.datasource.url} names an external one. */
final class EmbeddedPostgresCondition extends EmbeddedServiceCondition {
    EmbeddedPostgresCondition() {
        super("spring.datasource.url");
    }
}
