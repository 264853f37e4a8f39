-- The whole region's windows: the sum over its communes of each hour and day window, kept by the indicator sink in
-- the same transaction as the communes' rows. The region's trends read a few hundred rows here instead of summing
-- every commune's windows at each request.
--
-- The same counters as commune_indicator, without the commune.
CREATE TABLE region_indicator (LIKE commune_indicator INCLUDING DEFAULTS);
ALTER TABLE region_indicator
    DROP COLUMN commune_code,
    DROP COLUMN window_end,
    DROP COLUMN is_final,
    DROP COLUMN stored_at,
    ADD PRIMARY KEY (window_size, window_start);

INSERT INTO region_indicator (window_size, window_start, events, visits, petitions, people, crowds, complex,
                              candidate_related, incidents, escalations, case_updates, repeat_cases,
                              content_complaint, content_denunciation, content_recommendation, content_reflection,
                              content_mixed, field_land, field_compensation, field_social_policy,
                              field_election_candidate, field_official_misconduct, field_administration, field_other)
SELECT window_size, window_start, sum(events), sum(visits), sum(petitions), sum(people), sum(crowds), sum(complex),
       sum(candidate_related), sum(incidents), sum(escalations), sum(case_updates), sum(repeat_cases),
       sum(content_complaint), sum(content_denunciation), sum(content_recommendation), sum(content_reflection),
       sum(content_mixed), sum(field_land), sum(field_compensation), sum(field_social_policy),
       sum(field_election_candidate), sum(field_official_misconduct), sum(field_administration), sum(field_other)
FROM commune_indicator
GROUP BY window_size, window_start;
