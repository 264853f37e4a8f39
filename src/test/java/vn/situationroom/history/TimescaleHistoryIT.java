package vn.situationroom.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.situationroom.SuiteSecurityStrategy;

/**
 * The same history suite on TimescaleDB: the migrations build hypertables, continuous aggregates and policies, and
 * every query of {@link HistoryIT} answers the same. Runs when {@code TIMESCALEDB_URL} names a TimescaleDB (for
 * example the one {@code tools/timescaledb/start.sh} starts; {@code .ci/run} does so).
 */
@ActiveProfiles({"it", "timescaledb"})
@EnabledIfEnvironmentVariable(named = "TIMESCALEDB_URL", matches = "jdbc:postgresql:.+")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(SuiteSecurityStrategy.class)
class TimescaleHistoryIT extends HistoryIT {

    /**
     * Flyway holds two connections while it migrates; on PGlite, where they would share one session and wait on each
     * other, both are one connection.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SingleConnectionFlyway {

        @Bean(defaultCandidate = false)
        @FlywayDataSource
        SingleConnectionDataSource flywayDataSource(@Value("${spring.datasource.url}") String url) {
            return new SingleConnectionDataSource(url, true);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryStore store;

    @Test
    void the_history_lives_in_hypertables_with_aggregates_and_policies() {
        assertThat(store.isTimescale()).isTrue();
        assertThat(store.description()).startsWith("TimescaleDB");
        assertThat(jdbc.sql("SELECT hypertable_name FROM timescaledb_information.hypertables ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("commune_indicator", "reception_event");
        assertThat(jdbc.sql("SELECT view_name FROM timescaledb_information.continuous_aggregates ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("commune_indicator_monthly", "commune_indicator_weekly");
        List<String> jobs = jdbc.sql("""
                SELECT proc_name || ':' || coalesce(hypertable_name, '') || ':' || scheduled
                FROM timescaledb_information.jobs WHERE job_id >= 1000 ORDER BY 1
                """).query(String.class).list();
        assertThat(jobs)
                .contains(
                        "policy_compression:commune_indicator:true", "policy_compression:reception_event:true",
                        // Official records: the retention policy exists, paused.
                        "policy_retention:commune_indicator:false", "policy_retention:reception_event:false");
        assertThat(jobs)
                .filteredOn(job -> job.startsWith("policy_refresh_continuous_aggregate"))
                .hasSize(2);
    }

    @Test
    void a_refresh_job_materializes_the_weekly_totals_the_trend_reads() {
        jdbc.sql("""
                SELECT job_id FROM timescaledb_information.jobs
                WHERE proc_name = 'policy_refresh_continuous_aggregate'
                """)
                .query(Integer.class)
                .list()
                .forEach(job -> jdbc.sql("CALL run_job(" + job + ")").update());
        long raw = jdbc.sql("SELECT coalesce(sum(events), 0) FROM commune_indicator WHERE window_size = 'DAY'")
                .query(Long.class)
                .single();
        long weekly = jdbc.sql("SELECT coalesce(sum(events), 0) FROM commune_indicator_weekly")
                .query(Long.class)
                .single();
        assertThat(weekly).isEqualTo(raw);
    }
}
