package vn.situationroom.security;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: who did what, when, from where. Logins, user and token changes, acknowledgements and resolutions,
 * exports and every read of personal data are written here; only ADMIN reads it. A detail never holds personal data
 * itself: a read of a person names the case and the events, not the person.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** What is audited; the screens translate these codes. */
    public enum Action {
        LOGIN,
        LOGIN_FAILED,
        LOGIN_BLOCKED,
        LOGOUT,
        KIOSK_SIGN_IN,
        KIOSK_PAIRED,
        USER_CREATED,
        USER_CHANGED,
        PASSWORD_RESET,
        PASSWORD_CHANGED,
        PASSWORD_CHANGE_FAILED,
        TOKEN_CREATED,
        TOKEN_REVOKED,
        ALERT_ACKNOWLEDGED,
        ALERT_RESOLVED,
        EXPORT,
        REPORT,
        PERSON_READ,
        CASE_ASSIGNED,
        CASE_STEP,
        WATCH_ADDED,
        WATCH_REMOVED,
        ESCALATION_STEP,
        SUBSCRIPTION_ADDED,
        SUBSCRIPTION_CHANGED,
        SUBSCRIPTION_REMOVED,
        ACCESS_DENIED
    }

    /** One audited act. */
    public record Entry(
            long id, Instant at, String actor, Action action, String target, String detail, String remoteAddr) {}

    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(
            rs.getLong(1),
            rs.getTimestamp(2).toInstant(),
            rs.getString(3),
            Action.valueOf(rs.getString(4)),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7));

    private final JdbcClient jdbc;
    /**
     * Writes the rows off the caller's thread, in order: an acknowledgement or a login never waits for the database,
     * and while it is down the rows wait here (10,000 at most; beyond that they go to the log).
     */
    private final ExecutorService writer = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000),
            runnable -> {
                Thread thread = new Thread(runnable, "audit-writer");
                thread.setDaemon(true);
                return thread;
            },
            (task, executor) -> log.error("audit queue full: an audit row went to the log only"));

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PreDestroy
    void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Waits until every row recorded so far is written (or has gone to the log). */
    public void flush() {
        try {
            writer.submit(() -> {}).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the audit rows were not written", e);
        }
    }

    /**
     * Records an act of the current user now, on this thread, failing when it cannot be stored: for the reads of
     * personal data, which must not happen unaudited.
     */
    public void recordOrFail(Action action, String target, String detail) {
        insert(Viewer.current().name(), action, target, detail, remoteAddress());
    }

    /** Records an act of the current user (or kiosk, or token). */
    public void record(Action action, String target, String detail) {
        record(Viewer.current().name(), action, target, detail);
    }

    /** Records an act of a named actor, such as a login attempt before anyone is signed in. */
    public void record(String actor, Action action, String target, String detail) {
        String address = remoteAddress();
        writer.execute(() -> {
            // While the database is down the row is tried again every few seconds, for up to ten minutes.
            for (int attempt = 0; ; attempt++) {
                try {
                    insert(actor, action, target, detail, address);
                    return;
                } catch (DataAccessException e) {
                    if (attempt >= 100) {
                        // The log keeps what the table could not (details never hold personal data).
                        log.error("audit (not stored: {}) {} {} {} {}", e.getMessage(), actor, action, target, detail);
                        return;
                    }
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    private void insert(String actor, Action action, String target, String detail, String address) {
        jdbc.sql("INSERT INTO audit_event (actor, action, target, detail, remote_addr) VALUES (?, ?, ?, ?, ?)")
                .params(clip(actor, 100), action.name(), clip(target, 500), clip(detail, 2000), address)
                .update();
        log.info("audit {} {} {}", actor, action, target == null ? "" : target);
    }

    /** The newest entries first, optionally of one action and of actors whose name contains a text. */
    public List<Entry> list(Action action, String actor, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(action, actor, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT audit_id, at, actor, action, target, detail, remote_addr FROM audit_event" + where
                        + " ORDER BY at DESC, audit_id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(ENTRY)
                .list();
    }

    /** How many entries {@link #list} can page through. */
    public int count(Action action, String actor) {
        List<Object> params = new ArrayList<>();
        String where = where(action, actor, params);
        return jdbc.sql("SELECT count(*) FROM audit_event" + where)
                .params(params)
                .query(Integer.class)
                .single();
    }

    /** The entries of one action since a time, oldest first (tests and the admin view's counters). */
    public List<Entry> since(Action action, Instant since) {
        return jdbc.sql("SELECT audit_id, at, actor, action, target, detail, remote_addr FROM audit_event"
                        + " WHERE action = ? AND at >= ? ORDER BY audit_id")
                .params(action.name(), Timestamp.from(since))
                .query(ENTRY)
                .list();
    }

    private static String where(Action action, String actor, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (action != null) {
            conditions.add("action = ?");
            params.add(action.name());
        }
        if (actor != null && !actor.isBlank()) {
            conditions.add("actor ILIKE ?");
            params.add("%"
                    + actor.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        return vaadin == null ? null : vaadin.getRemoteAddr();
    }
}
