package vn.situationroom.cases;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.security.AuditLog;
import vn.situationroom.security.Roles;
import vn.situationroom.security.UserAccounts;
import vn.situationroom.security.Viewer;

/**
 * Who handles each case, and the personal data of a case's citizens (name, id number, phone, address), which only the
 * case's own handler in the inspection or the district office may read. The denouncer's identity is secret by law:
 * every read is audited with who, when and which events, and nothing else in the product ever shows a person.
 */
@Service
public class CasePersons {

    /** One citizen as an event of the case recorded them. */
    public record Person(
            UUID eventId, OffsetDateTime occurredAt, String name, String idNumber, String phone, String address) {}

    private static final String PERSONS = """
            SELECT event_id, occurred_at, name, id_number, phone, address
            FROM case_person
            WHERE case_ref = :ref
            ORDER BY occurred_at, event_id
            """;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final UserAccounts accounts;
    private final AuditLog audit;

    CasePersons(JdbcClient jdbc, Cases cases, UserAccounts accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The officers a case can be given to: enabled accounts of the inspection or the district office. */
    public List<UserAccounts.Account> possibleHandlers() {
        return accounts.list().stream()
                .filter(UserAccounts.Account::enabled)
                .filter(a -> a.roles().contains(Roles.INSPECTION) || a.roles().contains(Roles.OFFICE))
                .toList();
    }

    /** Gives a case to a handler (the district office does this); the previous handler loses access at once. */
    @Transactional
    public void assign(String caseRef, String username) {
        if (!Viewer.current().hasAny(Roles.OFFICE)) {
            throw new AccessDeniedException("Only the district office assigns cases");
        }
        if (possibleHandlers().stream().noneMatch(a -> a.username().equals(username))) {
            throw new IllegalArgumentException("handler: " + username + " is no officer of the inspection or office");
        }
        // Whoever assigns may not give a case to themselves: that would open its personal data to them alone.
        if (username.equals(Viewer.current().name())) {
            throw new AccessDeniedException("A case is given to another officer, not to oneself");
        }
        if (!cases.exists(caseRef)) {
            throw new IllegalArgumentException("caseRef: no event has case " + caseRef);
        }
        jdbc.sql("""
                INSERT INTO case_handler (case_ref, username, assigned_by) VALUES (:ref, :user, :by)
                ON CONFLICT (case_ref) DO UPDATE SET username = :user, assigned_by = :by, assigned_at = now()""")
                .param("ref", caseRef)
                .param("user", username)
                .param("by", Viewer.current().name())
                .update();
        audit.record(AuditLog.Action.CASE_ASSIGNED, caseRef, username);
    }

    /** The handlers of the given cases. */
    public Map<String, String> handlers(List<String> caseRefs) {
        Map<String, String> handlers = new HashMap<>();
        if (!caseRefs.isEmpty()) {
            jdbc.sql("SELECT case_ref, username FROM case_handler WHERE case_ref IN (:refs)")
                    .param("refs", caseRefs)
                    .query((RowCallbackHandler) rs -> handlers.put(rs.getString(1), rs.getString(2)));
        }
        return handlers;
    }

    /** The handler of a case. */
    public Optional<String> handler(String caseRef) {
        return Optional.ofNullable(handlers(List.of(caseRef)).get(caseRef));
    }

    /** Whether the current viewer may read the case's personal data. */
    public boolean mayRead(String caseRef) {
        Viewer viewer = Viewer.current();
        return viewer.hasAny(Roles.INSPECTION, Roles.OFFICE)
                && handler(caseRef).filter(viewer.name()::equals).isPresent();
    }

    /**
     * The citizens of a case, for its handler only; the read is audited with the events it showed.
     *
     * @throws AccessDeniedException for anyone but the case's handler
     */
    @Transactional
    public List<Person> read(String caseRef) {
        if (!mayRead(caseRef)) {
            // The refusal is audited where every refused API call is (SecurityConfiguration).
            throw new AccessDeniedException("Only the handler of case " + caseRef + " reads its personal data");
        }
        List<Person> persons = jdbc.sql(PERSONS)
                .param("ref", caseRef)
                .query((rs, n) -> new Person(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        // No read without its audit row: stored in the same transaction before anything is returned, and the read
        // fails if it cannot be.
        audit.recordOrFail(
                AuditLog.Action.PERSON_READ,
                caseRef,
                "events " + persons.stream().map(Person::eventId).toList());
        return persons;
    }
}
