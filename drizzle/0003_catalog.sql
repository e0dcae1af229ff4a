CREATE TABLE "course_audience_units" (
	"course_id" uuid NOT NULL,
	"business_unit_id" uuid NOT NULL,
	CONSTRAINT "course_audience_units_course_id_business_unit_id_pk" PRIMARY KEY("course_id","business_unit_id")
);
--> statement-breakpoint
CREATE TABLE "course_interests" (
	"course_id" uuid NOT NULL,
	"interest_id" uuid NOT NULL,
	CONSTRAINT "course_interests_course_id_interest_id_pk" PRIMARY KEY("course_id","interest_id")
);
--> statement-breakpoint
CREATE TABLE "course_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "course_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"action" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"language" text NOT NULL,
	"place" text,
	"join_url" text,
	"instructor_id" uuid,
	"instructor_name" text,
	"instructor_email" text,
	"capacity" integer NOT NULL,
	"enrolment_deadline" timestamp with time zone NOT NULL,
	"approval_mode" text DEFAULT 'none' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_sessions_ends_after_start" CHECK ("course_sessions"."ends_at" > "course_sessions"."starts_at"),
	CONSTRAINT "course_sessions_capacity" CHECK ("course_sessions"."capacity" >= 1),
	CONSTRAINT "course_sessions_deadline" CHECK ("course_sessions"."enrolment_deadline" <= "course_sessions"."starts_at"),
	CONSTRAINT "course_sessions_one_instructor" CHECK ("course_sessions"."instructor_id" IS NULL OR "course_sessions"."instructor_name" IS NULL),
	CONSTRAINT "course_sessions_sequence" CHECK ("course_sessions"."sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"audience" text NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"languages" text[] NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"contact_phone" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "courses_duration_positive" CHECK ("courses"."duration_minutes" > 0),
	CONSTRAINT "courses_revision_positive" CHECK ("courses"."revision" >= 1),
	CONSTRAINT "courses_languages" CHECK (cardinality("courses"."languages") > 0)
);
--> statement-breakpoint
CREATE TABLE "interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_audience_units" ADD CONSTRAINT "course_audience_units_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_audience_units" ADD CONSTRAINT "course_audience_units_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_interests" ADD CONSTRAINT "course_interests_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_interests" ADD CONSTRAINT "course_interests_interest_id_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_objectives" ADD CONSTRAINT "course_objectives_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_revisions" ADD CONSTRAINT "course_revisions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_revisions" ADD CONSTRAINT "course_revisions_saved_by_people_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_instructor_id_people_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_contact_person_id_people_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_audience_units_unit_idx" ON "course_audience_units" USING btree ("business_unit_id");--> statement-breakpoint
CREATE INDEX "course_interests_interest_idx" ON "course_interests" USING btree ("interest_id");--> statement-breakpoint
CREATE INDEX "course_objectives_course_idx" ON "course_objectives" USING btree ("course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "course_revisions_course_revision_idx" ON "course_revisions" USING btree ("course_id","revision");--> statement-breakpoint
CREATE INDEX "course_sessions_course_idx" ON "course_sessions" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE INDEX "course_sessions_upcoming_idx" ON "course_sessions" USING btree ("starts_at") WHERE "course_sessions"."status" = 'scheduled';--> statement-breakpoint
CREATE UNIQUE INDEX "courses_code_idx" ON "courses" USING btree ("code");--> statement-breakpoint
CREATE INDEX "courses_status_idx" ON "courses" USING btree ("status","title");--> statement-breakpoint
CREATE INDEX "courses_search_idx" ON "courses" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "interests_key_idx" ON "interests" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "interests_name_idx" ON "interests" USING btree (lower("name"));