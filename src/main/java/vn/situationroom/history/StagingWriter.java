package vn.situationroom.history;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts a sink's batch into the database within the caller's transaction: with COPY (the fastest way into PostgreSQL)
 * or, where a server does not take COPY (the PGlite TimescaleDB of the tests), with a JDBC batch. A batch goes into a
 * session's temporary staging table, from which the caller inserts or upserts with plain SQL; the staging table is
 * created once per database session and emptied at each commit.
 */
@Component
class StagingWriter {

    /** One row's values, in the order of the columns. */
    @FunctionalInterface
    interface Row<T> {
        Object[] values(T item);
    }

    private final JdbcTemplate jdbc;
    private final boolean copy;

    StagingWriter(JdbcTemplate jdbc, HistoryProperties properties) {
        this.jdbc = jdbc;
        this.copy = properties.sinkWrites() == HistoryProperties.SinkWrites.COPY;
    }

    /** Fills {@code staging}, created like {@code table} if this session has none yet, with {@code items}. */
    <T> void stage(String staging, String table, String columns, List<T> items, Row<T> row) {
        jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + staging + " (LIKE " + table
                + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        write(staging, columns, items, row);
    }

    /**
     * Writes {@code items} straight into {@code table} when none of them is there yet (the usual case) and COPY is on,
     * and reports true; otherwise (a replay: the copy fails on the table's unique key) leaves the table as it was and
     * reports false, so that the caller goes through the staging table.
     */
    <T> boolean insertIfAllNew(String table, String columns, List<T> items, Row<T> row) {
        if (!copy) {
            return false;
        }
        jdbc.execute("SAVEPOINT insert_if_all_new");
        try {
            write(table, columns, items, row);
            jdbc.execute("RELEASE SAVEPOINT insert_if_all_new");
            return true;
        } catch (DuplicateKeyException e) {
            jdbc.execute("ROLLBACK TO SAVEPOINT insert_if_all_new");
            return false;
        }
    }

    private <T> void write(String target, String columns, List<T> items, Row<T> row) {
        if (copy) {
            copy(target, columns, items, row);
        } else {
            String placeholders =
                    Arrays.stream(columns.split(",")).map(c -> "?").collect(Collectors.joining(", "));
            jdbc.batchUpdate(
                    "INSERT INTO " + target + " (" + columns + ") VALUES (" + placeholders + ")",
                    items,
                    items.size(),
                    (statement, item) -> {
                        Object[] values = row.values(item);
                        for (int i = 0; i < values.length; i++) {
                            statement.setObject(
                                    i + 1,
                                    values[i] instanceof Instant instant
                                            ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                                            : values[i]);
                        }
                    });
        }
    }

    private <T> void copy(String target, String columns, List<T> items, Row<T> row) {
        StringBuilder csv = new StringBuilder(items.size() * 200);
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (T item : items) {
                printer.printRecord(row.values(item));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sql = "COPY " + target + " (" + columns + ") FROM STDIN (FORMAT csv)";
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
