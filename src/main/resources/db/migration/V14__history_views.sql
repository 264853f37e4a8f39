-- The history owns reception_event and reception_person. What the other features read of them is here, as views,
-- so that the question "which columns, which events" is answered in one place and the tables can change under them:
-- a case's events (for the cases, their deadlines and the watch lists), the escalations (for their board), and the
-- persons of a case (read by its handler only, audited by the cases feature).
CREATE VIEW case_event AS
SELECT event_id, case_ref, commune_code, occurred_at, recorded_at, type, status, content, field, complex, summary,
       headcount,
       -- A citizen's contact: a visit or a petition. A case update is an act of the office.
       type IN ('VISIT', 'PETITION') AS contact
FROM reception_event
WHERE case_ref IS NOT NULL;

CREATE VIEW escalation_event AS
SELECT event_id, commune_code, occurred_at, recorded_at, destination, headcount, summary
FROM reception_event
WHERE type = 'ESCALATION';

CREATE VIEW case_person AS
SELECT e.case_ref, p.event_id, e.occurred_at, p.name, p.id_number, p.phone, p.address
FROM reception_person p JOIN reception_event e ON e.event_id = p.event_id
WHERE e.case_ref IS NOT NULL;
