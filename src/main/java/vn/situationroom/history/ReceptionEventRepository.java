package vn.situationroom.history;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.intake.PersonRecorded;
import vn.situationroom.intake.ReceptionEvent;

/** The {@code reception_event} and {@code reception_person} tables: idempotent inserts by the sink. */
@Repository
public class ReceptionEventRepository {

    private static final String INSERT_EVENT = """
            INSERT INTO reception_event (event_id, occurred_at, recorded_at, commune_code, reception_point, type,
                                         content, field, headcount, complex, candidate_related, case_ref, summary,
                                         severity, destination, status, person_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private static final String INSERT_PERSON = """
            INSERT INTO reception_person (event_id, commune_code, name, id_number, phone, address)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final JdbcTemplate jdbc;

    ReceptionEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the events in one transaction; ids already stored are left as they are (the first version wins). */
    @Transactional
    public void saveAll(List<ReceptionEvent> events) {
        jdbc.batchUpdate(INSERT_EVENT, events, events.size(), (statement, event) -> {
            statement.setObject(1, event.eventId());
            statement.setTimestamp(2, Timestamp.from(event.occurredAt().toInstant()));
            statement.setTimestamp(3, Timestamp.from(event.recordedAt()));
            statement.setString(4, event.communeCode());
            statement.setString(5, event.receptionPoint().name());
            statement.setString(6, event.type().name());
            statement.setString(7, nameOf(event.content()));
            statement.setString(8, nameOf(event.field()));
            statement.setInt(9, event.headcount());
            statement.setBoolean(10, event.complex());
            statement.setBoolean(11, event.candidateRelated());
            statement.setString(12, event.caseRef());
            statement.setString(13, event.summary());
            statement.setString(14, nameOf(event.severity()));
            statement.setString(15, nameOf(event.destination()));
            statement.setString(16, nameOf(event.status()));
            statement.setString(17, event.personHash());
        });
    }

    /** Stores the persons of events in one transaction; a person already stored for an event is left as it is. */
    @Transactional
    public void savePersons(List<PersonRecorded> persons) {
        jdbc.batchUpdate(INSERT_PERSON, persons, persons.size(), (statement, recorded) -> {
            statement.setObject(1, recorded.eventId());
            statement.setString(2, recorded.communeCode());
            statement.setString(3, recorded.person().name());
            statement.setString(4, recorded.person().idNumber());
            statement.setString(5, recorded.person().phone());
            statement.setString(6, recorded.person().address());
        });
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
