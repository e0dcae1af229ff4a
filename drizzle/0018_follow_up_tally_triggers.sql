-- Keeps follow_up_day_tallies equal to a count over the answered follow-ups (decision 030), in the
-- transaction of every write that changes what a follow-up adds: the follow-up itself, its
-- objective ratings, its enrolment's learner, that learner's business unit, the unit's time zone.
-- Each trigger adds the difference (what the changed rows add after, minus what they added
-- before); each statement changes one table, so the other tables read as they stand are exact.

-- The unit's zone as getUnitSettings reads it: the saved settings, or UTC before any are saved.
CREATE FUNCTION follow_up_tallies_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT time_zone FROM unit_settings WHERE id = 1), 'UTC')
$$;
--> statement-breakpoint
-- Adds what `fus` (follow-ups, with their ratings as they stand) and `answers` (ratings of answered
-- follow-ups, with their follow-up as it stands) count — or, with `everything`, what every answered
-- follow-up counts — times `times` (1 to add, -1 to take away): in the whole organization
-- (business_unit_id NULL) and in the learner's business unit. Rows go in a fixed order, so
-- concurrent writers lock them alike.
CREATE FUNCTION follow_up_tallies_add(times integer, fus follow_ups[], answers follow_up_answers[], everything boolean DEFAULT false) RETURNS void LANGUAGE sql AS $$
  WITH counted AS (
    SELECT f.answered_at, f.enrolment_id, f.respondent_role,
      (f.recommend >= 9)::int AS promoters, (f.recommend BETWEEN 7 AND 8)::int AS passives, (f.recommend <= 6)::int AS detractors,
      (SELECT count(*) FILTER (WHERE a.rating = 'met') FROM follow_up_answers a WHERE a.follow_up_id = f.id)::int AS met,
      (SELECT count(*) FROM follow_up_answers a WHERE a.follow_up_id = f.id)::int AS rated
    FROM unnest(fus) AS f WHERE f.answered_at IS NOT NULL
    UNION ALL
    SELECT f.answered_at, f.enrolment_id, f.respondent_role, 0, 0, 0, (a.rating = 'met')::int, 1
    FROM unnest(answers) AS a JOIN follow_ups f ON f.id = a.follow_up_id WHERE f.answered_at IS NOT NULL
    UNION ALL
    SELECT f.answered_at, f.enrolment_id, f.respondent_role,
      (f.recommend >= 9)::int, (f.recommend BETWEEN 7 AND 8)::int, (f.recommend <= 6)::int, coalesce(r.met, 0), coalesce(r.rated, 0)
    FROM follow_ups f LEFT JOIN (SELECT a.follow_up_id, count(*) FILTER (WHERE a.rating = 'met')::int AS met, count(*)::int AS rated FROM follow_up_answers a GROUP BY 1) r
      ON r.follow_up_id = f.id
    WHERE everything AND f.answered_at IS NOT NULL
  ), placed AS (
    SELECT (c.answered_at AT TIME ZONE (SELECT follow_up_tallies_zone()))::date AS day, p.business_unit_id AS unit, c.*
    FROM counted c JOIN enrolments e ON e.id = c.enrolment_id JOIN people p ON p.id = e.person_id
  )
  INSERT INTO follow_up_day_tallies AS t (day, business_unit_id, respondent_role, promoters, passives, detractors, objectives_met, objectives_rated)
  SELECT c.day, s.unit, c.respondent_role, times * sum(c.promoters), times * sum(c.passives), times * sum(c.detractors), times * sum(c.met), times * sum(c.rated)
  FROM placed c CROSS JOIN LATERAL (SELECT NULL::uuid AS unit UNION ALL SELECT c.unit WHERE c.unit IS NOT NULL) s
  GROUP BY 1, 2, 3 ORDER BY 2 NULLS FIRST, 3, 1
  ON CONFLICT ON CONSTRAINT follow_up_day_tallies_key DO UPDATE SET
    promoters = t.promoters + excluded.promoters, passives = t.passives + excluded.passives, detractors = t.detractors + excluded.detractors,
    objectives_met = t.objectives_met + excluded.objectives_met, objectives_rated = t.objectives_rated + excluded.objectives_rated
$$;
--> statement-breakpoint
-- Counts every answered follow-up again from nothing: at this migration and when the zone changes.
CREATE FUNCTION follow_up_tallies_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM follow_up_day_tallies;
  SELECT follow_up_tallies_add(1, '{}', '{}', true);
$$;
--> statement-breakpoint
CREATE FUNCTION follow_up_tallies_on_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM follow_up_tallies_add(-1, (SELECT coalesce(array_agg(o::follow_ups), '{}') FROM old_rows o), '{}'); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM follow_up_tallies_add(1, (SELECT coalesce(array_agg(n::follow_ups), '{}') FROM new_rows n), '{}'); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION follow_up_tallies_on_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM follow_up_tallies_add(-1, '{}', (SELECT coalesce(array_agg(o::follow_up_answers), '{}') FROM old_rows o)); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM follow_up_tallies_add(1, '{}', (SELECT coalesce(array_agg(n::follow_up_answers), '{}') FROM new_rows n)); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A learner moving unit, or an enrolment changing learner: before the change, take the follow-ups
-- out of where they were counted; after it, add them where they now belong.
CREATE FUNCTION follow_up_tallies_on_learner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved follow_ups[];
BEGIN
  IF TG_TABLE_NAME = 'people' THEN
    SELECT coalesce(array_agg(f), '{}') INTO moved FROM follow_ups f JOIN enrolments e ON e.id = f.enrolment_id WHERE e.person_id = NEW.id;
  ELSE
    SELECT coalesce(array_agg(f), '{}') INTO moved FROM follow_ups f WHERE f.enrolment_id = NEW.id;
  END IF;
  PERFORM follow_up_tallies_add(CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END, moved, '{}');
  RETURN CASE WHEN TG_WHEN = 'BEFORE' THEN NEW ELSE NULL END;
END
$$;
--> statement-breakpoint
CREATE FUNCTION follow_up_tallies_on_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.time_zone IS NOT DISTINCT FROM NEW.time_zone THEN RETURN NULL; END IF;
  PERFORM follow_up_tallies_rebuild();
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER follow_up_tallies_insert AFTER INSERT ON follow_ups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_tallies_on_follow_ups();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_update AFTER UPDATE ON follow_ups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_tallies_on_follow_ups();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_delete AFTER DELETE ON follow_ups REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_tallies_on_follow_ups();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_insert AFTER INSERT ON follow_up_answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_tallies_on_answers();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_update AFTER UPDATE ON follow_up_answers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_tallies_on_answers();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_delete AFTER DELETE ON follow_up_answers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_up_tallies_on_answers();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_unit_before BEFORE UPDATE OF business_unit_id ON people FOR EACH ROW WHEN (OLD.business_unit_id IS DISTINCT FROM NEW.business_unit_id) EXECUTE FUNCTION follow_up_tallies_on_learner();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_unit_after AFTER UPDATE OF business_unit_id ON people FOR EACH ROW WHEN (OLD.business_unit_id IS DISTINCT FROM NEW.business_unit_id) EXECUTE FUNCTION follow_up_tallies_on_learner();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_learner_before BEFORE UPDATE OF person_id ON enrolments FOR EACH ROW WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id) EXECUTE FUNCTION follow_up_tallies_on_learner();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_learner_after AFTER UPDATE OF person_id ON enrolments FOR EACH ROW WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id) EXECUTE FUNCTION follow_up_tallies_on_learner();
--> statement-breakpoint
CREATE TRIGGER follow_up_tallies_zone AFTER INSERT OR UPDATE OR DELETE ON unit_settings FOR EACH ROW EXECUTE FUNCTION follow_up_tallies_on_zone();
--> statement-breakpoint
SELECT follow_up_tallies_rebuild();
