package vn.situationroom.history;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The items a history sink could never store: the database refuses them for what they are (a data exception or a
 * broken constraint, SQL states 22 and 23), not because it is away. Each is noted in {@code history_set_aside} by its
 * sink, its key and the database's reason, never its values (which may be a person's); the sink goes on.
 */
@Repository
class SetAside {

    private static final Logger log = LoggerFactory.getLogger(SetAside.class);

    private final JdbcTemplate jdbc;

    SetAside(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the failure is the item's own, so that trying it again can never succeed. */
    static boolean canNeverBeStored(Throwable failure) {
        for (SQLException sql = sqlCause(failure); sql != null; sql = sql.getNextException()) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** Notes an item set aside, once however often its batch comes again. */
    void record(String sink, String item, Throwable failure) {
        String reason = reason(failure);
        log.warn("History sink {} sets aside {}, which the database refuses: {}", sink, item, reason);
        jdbc.update(
                "INSERT INTO history_set_aside (sink, item, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                sink,
                item,
                reason);
    }

    /**
     * The database's own words for the failure: its SQL state and the first line of its message, which names the
     * column or constraint; the driver is set never to add the row's values (logServerErrorDetail=false).
     */
    static String reason(Throwable failure) {
        SQLException last = sqlCause(failure);
        if (last == null) {
            return failure.getClass().getSimpleName();
        }
        while (last.getNextException() != null) {
            last = last.getNextException();
        }
        String message = String.valueOf(last.getMessage()).lines().findFirst().orElse("");
        return last.getSQLState() + " " + message;
    }

    /** The first SQL exception among the failure and its causes; null when there is none. */
    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
