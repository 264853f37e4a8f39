package vn.situationroom.intake;

import org.apache.kafka.common.serialization.Serdes;
import vn.situationroom.platform.JsonSerde;
import vn.situationroom.platform.Topic;
import vn.situationroom.platform.Topic.Retention;

/** The topics intake owns; their names are a contract with outside producers and consumers (README lists them). */
public final class IntakeTopics {

    /** Every offered reception event, keyed by commune code; the source of truth. */
    public static final Topic<String, ReceptionEvent> RECEPTION_EVENTS =
            new Topic<>("reception-events", Serdes.String(), new JsonSerde<>(ReceptionEvent.class), Retention.FOREVER);

    /** Records that failed validation in the stream, with their original bytes and the reason in a header. */
    public static final Topic<String, byte[]> RECEPTION_EVENTS_REJECTED =
            new Topic<>("reception-events-rejected", Serdes.String(), Serdes.ByteArray(), Retention.FOREVER);

    /**
     * The person behind each event that names one, keyed by event id: personal data, apart from the analytics topics
     * so that access to it can be restricted (by topic ACLs on a real cluster). Only the history sink reads it.
     */
    public static final Topic<String, PersonRecorded> RECEPTION_EVENT_PERSONS = new Topic<>(
            "reception-event-persons", Serdes.String(), new JsonSerde<>(PersonRecorded.class), Retention.FOREVER);

    /** The name of the header that says why a record went to {@link #RECEPTION_EVENTS_REJECTED}. */
    public static final String REJECTION_REASON_HEADER = "rejection-reason";

    private IntakeTopics() {}
}
