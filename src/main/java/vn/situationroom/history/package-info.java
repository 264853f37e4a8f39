/**
 * History: the sink from Kafka into PostgreSQL (TimescaleDB where available) and the queries over it. SQL lives in
 * the Flyway migrations and in text blocks of the repositories here.
 */
@ApplicationModule(allowedDependencies = {"election", "hotspot", "intake", "platform", "region", "security"})
package vn.situationroom.history;

import org.springframework.modulith.ApplicationModule;
