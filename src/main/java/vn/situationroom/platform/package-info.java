/**
 * The platform under the features: the embedded Kafka broker and PostgreSQL of the default run, the data directory,
 * the shape of a topic and the JSON codec of the Kafka contracts. It knows nothing of the domain.
 */
@ApplicationModule(allowedDependencies = {})
package vn.situationroom.platform;

import org.springframework.modulith.ApplicationModule;
