package vn.situationroom.history;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which database the history lives in: TimescaleDB (with hypertables) or plain PostgreSQL. Logged at start-up. */
@Component
class HistoryStore {

    private static final Logger log = LoggerFactory.getLogger(HistoryStore.class);

    private final String description;
    private final boolean timescale;

    HistoryStore(JdbcClient jdbc) {
        String postgres = jdbc.sql("SELECT current_setting('server_version')")
                .query(String.class)
                .single();
        Optional<String> extension = jdbc.sql("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'")
                .query(String.class)
                .optional();
        long hypertables =
                extension.isEmpty() ? 0 : jdbc.sql("""
                SELECT count(*) FROM timescaledb_information.hypertables
                WHERE hypertable_name IN ('reception_event', 'commune_indicator')
                """).query(Long.class).single();
        this.timescale = hypertables > 0;
        this.description = timescale
                ? "TimescaleDB " + extension.get() + " on PostgreSQL " + postgres
                        + " (hypertables, continuous aggregates)"
                : "PostgreSQL " + postgres + " (plain tables and views"
                        + (extension.isPresent() ? "; the TimescaleDB extension is installed but unused)" : ")");
        log.info("History store: {}", description);
    }

    /** For example "TimescaleDB 2.23.0 on PostgreSQL 17.5 (hypertables, continuous aggregates)". */
    String description() {
        return description;
    }

    boolean isTimescale() {
        return timescale;
    }
}
