-- Versions of what cached reads show (decision 032). Every committed change to a table a course
-- page or a catalog search reads adds one to the 'catalog' version; a process serves a cached page
-- only while the version it was read at is still the current one (platform/cache/versioned-cache.ts).
-- Deferred to commit, so the version row is the last lock a writer takes and is held only while it
-- commits: writers never wait on each other for it mid-transaction.
CREATE TABLE "read_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "read_versions" ("name", "version") VALUES ('catalog', 0);
--> statement-breakpoint
CREATE FUNCTION stride_bump_read_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE read_versions SET version = version + 1 WHERE name = TG_ARGV[0];
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER courses_read_version AFTER INSERT OR UPDATE OR DELETE ON courses DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER course_sessions_read_version AFTER INSERT OR UPDATE OR DELETE ON course_sessions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER course_objectives_read_version AFTER INSERT OR UPDATE OR DELETE ON course_objectives DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER course_interests_read_version AFTER INSERT OR UPDATE OR DELETE ON course_interests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER interests_read_version AFTER INSERT OR UPDATE OR DELETE ON interests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER course_audience_units_read_version AFTER INSERT OR UPDATE OR DELETE ON course_audience_units DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER unit_settings_read_version AFTER INSERT OR UPDATE OR DELETE ON unit_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
-- People and units are written often (sign-ins, imports): only a change to what the catalog shows counts.
CREATE CONSTRAINT TRIGGER business_units_read_version AFTER UPDATE ON business_units DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION stride_bump_read_version('catalog');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER people_read_version AFTER UPDATE ON people DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email OR OLD.job_title IS DISTINCT FROM NEW.job_title) EXECUTE FUNCTION stride_bump_read_version('catalog');
