ALTER TABLE "enrolments" ADD COLUMN "certificate_due" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "enrolments_certificate_due_idx" ON "enrolments" USING btree ("id") WHERE "enrolments"."certificate_due";--> statement-breakpoint
-- An enrolment that becomes completed (applied, imported, completed again after a reopening) is
-- due a look from the certificate job; the job clears the flag (certificates/issue-certificates.ts).
-- A trigger, so no way of writing a completion can forget it.
CREATE FUNCTION stride_mark_certificate_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'completed' AND NEW.completed_at IS NOT NULL
     AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state OR OLD.completed_at IS DISTINCT FROM NEW.completed_at) THEN
    NEW.certificate_due := true;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enrolments_certificate_due BEFORE INSERT OR UPDATE OF state, completed_at ON enrolments FOR EACH ROW EXECUTE FUNCTION stride_mark_certificate_due();
--> statement-breakpoint
-- Completions already waiting for their certificate when this arrives.
UPDATE enrolments e SET certificate_due = true
WHERE e.state = 'completed' AND e.completed_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrolment_id = e.id AND (c.revoked_at IS NULL OR c.issued_at >= e.completed_at));
