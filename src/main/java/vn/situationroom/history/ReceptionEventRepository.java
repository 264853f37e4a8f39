package vn.situationroom.history;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.situationroom.intake.PersonRecorded;
import vn.situationroom.intake.ReceptionEvent;

/** The {@code reception_event} and {@code reception_person} tables: idempotent inserts by the sink. */
@Repository
class ReceptionEventRepository {

    private static final String COLUMNS = """
            event_id, occurred_at, recorded_at, commune_code, reception_point, type, content, field, headcount, complex,
            candidate_related, case_ref, summary, severity, destination, status, person_hash""";

    /** Ids already stored are left as they are (the first version wins), and so is a repeat within the batch. */
    private static final String INSERT_FROM_STAGING = """
            INSERT INTO reception_event (%1$s)
            SELECT %1$s FROM reception_event_staging
            ON CONFLICT DO NOTHING
            """.formatted(COLUMNS);

    private static final String INSERT_PERSON = """
            INSERT INTO reception_person (event_id, commune_code, name, id_number, phone, address)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final StagingWriter staging;

    ReceptionEventRepository(JdbcTemplate jdbc, StagingWriter staging) {
        this.jdbc = jdbc;
        this.staging = staging;
    }

    /**
     * Stores the events in one transaction with COPY, the fastest way into PostgreSQL: straight into the table when
     * the batch is all new, otherwise (a replay) through the session's staging table, leaving the ids already stored as
     * they are.
     */
    @Transactional
    public void saveAll(List<ReceptionEvent> events) {
        StagingWriter.Row<ReceptionEvent> row = event -> new Object[] {
            event.eventId(),
            event.occurredAt().toInstant(),
            event.recordedAt(),
            event.communeCode(),
            event.receptionPoint().name(),
            event.type().name(),
            nameOf(event.content()),
            nameOf(event.field()),
            event.headcount(),
            event.complex(),
            event.candidateRelated(),
            event.caseRef(),
            event.summary(),
            nameOf(event.severity()),
            nameOf(event.destination()),
            nameOf(event.status()),
            event.personHash()
        };
        if (!staging.insertIfAllNew("reception_event", COLUMNS, events, row)) {
            staging.stage("reception_event_staging", "reception_event", COLUMNS, events, row);
            jdbc.update(INSERT_FROM_STAGING);
        }
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
