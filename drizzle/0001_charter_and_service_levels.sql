CREATE TABLE "charter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"calendar" jsonb NOT NULL,
	"change_summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clock_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_id" uuid,
	"business_unit_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_level_id" uuid NOT NULL,
	"service_level_key" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"owner_id" uuid,
	"business_unit_id" uuid,
	"start_event_id" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_business_ms" bigint DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"at_risk_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"stop_event" text,
	"stop_event_id" bigint,
	"elapsed_business_ms" bigint,
	"outcome" text,
	"warned_at" timestamp with time zone,
	"breach_notified_at" timestamp with time zone,
	CONSTRAINT "clocks_outcome_when_stopped" CHECK (("clocks"."stopped_at" IS NULL) = ("clocks"."outcome" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "service_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charter_version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"subject_type" text NOT NULL,
	"target_business_minutes" integer NOT NULL,
	"at_risk_share" double precision DEFAULT 0.75 NOT NULL,
	"start_event" text NOT NULL,
	"stop_events" text[] NOT NULL,
	"pause_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"resume_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"attribute_match" jsonb,
	"owner_role" text NOT NULL,
	CONSTRAINT "service_levels_target_positive" CHECK ("service_levels"."target_business_minutes" > 0),
	CONSTRAINT "service_levels_at_risk_share_range" CHECK ("service_levels"."at_risk_share" > 0 AND "service_levels"."at_risk_share" < 1),
	CONSTRAINT "service_levels_stops" CHECK (cardinality("service_levels"."stop_events") > 0)
);
--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_published_by_people_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_events" ADD CONSTRAINT "clock_events_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_events" ADD CONSTRAINT "clock_events_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_service_level_id_service_levels_id_fk" FOREIGN KEY ("service_level_id") REFERENCES "public"."service_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_start_event_id_clock_events_id_fk" FOREIGN KEY ("start_event_id") REFERENCES "public"."clock_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clocks" ADD CONSTRAINT "clocks_stop_event_id_clock_events_id_fk" FOREIGN KEY ("stop_event_id") REFERENCES "public"."clock_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_levels" ADD CONSTRAINT "service_levels_charter_version_id_charter_versions_id_fk" FOREIGN KEY ("charter_version_id") REFERENCES "public"."charter_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_version_idx" ON "charter_versions" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_one_draft_idx" ON "charter_versions" USING btree ("status") WHERE "charter_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_one_published_idx" ON "charter_versions" USING btree ("status") WHERE "charter_versions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "charter_versions_published_at_idx" ON "charter_versions" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "clock_events_subject_idx" ON "clock_events" USING btree ("subject_type","subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "clocks_one_running_idx" ON "clocks" USING btree ("service_level_key","subject_type","subject_id") WHERE "clocks"."stopped_at" IS NULL;--> statement-breakpoint
CREATE INDEX "clocks_running_subject_idx" ON "clocks" USING btree ("subject_type","subject_id") WHERE "clocks"."stopped_at" IS NULL;--> statement-breakpoint
CREATE INDEX "clocks_unwarned_idx" ON "clocks" USING btree ("at_risk_at") WHERE "clocks"."stopped_at" IS NULL AND "clocks"."warned_at" IS NULL;--> statement-breakpoint
CREATE INDEX "clocks_key_started_idx" ON "clocks" USING btree ("service_level_key","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_levels_version_key_idx" ON "service_levels" USING btree ("charter_version_id","key");--> statement-breakpoint
CREATE INDEX "service_levels_start_event_idx" ON "service_levels" USING btree ("charter_version_id","start_event");