/**
 * History: the sink from Kafka into PostgreSQL (TimescaleDB where available) and the queries over it. SQL lives in
 * the Flyway migrations and in text blocks of the repositories here.
 */
package vn.situationroom.history;
