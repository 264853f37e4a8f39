package vn.situationroom.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fact that reached the district's reception, version 1: the value of every record on {@code reception-events},
 * keyed by its commune code. README documents it with a full example.
 *
 * @param eventId the idempotency key: the same id twice is counted once everywhere
 * @param occurredAt when it happened, with the offset it was reported in; windows are in this event time
 * @param recordedAt when intake accepted it; set by intake, absent on records other producers write
 * @param communeCode the commune it concerns, one of the loaded region
 * @param receptionPoint where it was received
 * @param type what kind of fact it is
 * @param content what a visit or petition asks for; required for those two types
 * @param field the field the case concerns; required for visits and petitions
 * @param headcount how many citizens it involved, at least 1; a delegation of the crowd threshold or more is a crowd
 * @param complex whether the case is complex or prolonged (phức tạp, kéo dài)
 * @param candidateRelated whether it concerns a candidate of the election
 * @param caseRef the case it belongs to, linking repeat visits; required for case updates
 * @param summary a short description, at most {@value ReceptionEventReader#MAX_SUMMARY} characters
 * @param severity how serious an incident is; incidents only
 * @param destination where an escalation went; escalations only
 * @param status the state a case update reports; case updates only
 * @param personHash a salted hash of the citizen, so that analytics can tell the same person again without knowing
 *     who it is; the person itself never travels with the event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RecordBuilder
public record ReceptionEvent(
        UUID eventId,
        OffsetDateTime occurredAt,
        Instant recordedAt,
        String communeCode,
        ReceptionPoint receptionPoint,
        EventType type,
        Content content,
        Field field,
        int headcount,
        boolean complex,
        boolean candidateRelated,
        String caseRef,
        String summary,
        Severity severity,
        Destination destination,
        CaseStatus status,
        String personHash)
        implements ReceptionEventBuilder.With {}
