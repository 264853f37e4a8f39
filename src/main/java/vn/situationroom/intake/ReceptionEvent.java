package vn.situationroom.intake;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fact that reached the district's reception: the value of every record on {@code reception-events}, keyed by its
 * commune code.
 *
 * @param eventId the idempotency key: the same id twice is counted once everywhere
 * @param occurredAt when it happened, with the offset it was reported in; windows are in this event time
 * @param communeCode the commune it concerns, one of the loaded region
 * @param type what kind of fact it is
 * @param headcount how many citizens it involved, at least 1
 */
public record ReceptionEvent(UUID eventId, OffsetDateTime occurredAt, String communeCode, EventType type, int headcount) {}
