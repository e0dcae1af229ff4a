CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"learner_name" text NOT NULL,
	"course_code" text NOT NULL,
	"course_title" text NOT NULL,
	"completed_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"objectives" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_reason" text,
	CONSTRAINT "certificates_revoked_whole" CHECK (("certificates"."revoked_at" IS NULL) = ("certificates"."revoked_reason" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "follow_up_answers" (
	"follow_up_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"example" text,
	CONSTRAINT "follow_up_answers_follow_up_id_objective_id_pk" PRIMARY KEY("follow_up_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"respondent_role" text NOT NULL,
	"respondent_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"reminder_count" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"recommend" integer,
	"comment" text,
	CONSTRAINT "follow_ups_recommend" CHECK ("follow_ups"."recommend" IS NULL OR "follow_ups"."recommend" BETWEEN 0 AND 10),
	CONSTRAINT "follow_ups_answered_whole" CHECK (("follow_ups"."answered_at" IS NULL) = ("follow_ups"."recommend" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "retention_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "retention_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"reminded_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "retention_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"closing_note" text,
	CONSTRAINT "retention_plans_closed_whole" CHECK (("retention_plans"."state" = 'closed') = ("retention_plans"."closed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "support_case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "support_case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"origin" text NOT NULL,
	"follow_up_id" uuid,
	"objective_ids" uuid[] NOT NULL,
	"owner_id" uuid,
	"decision" text,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_cases_decision_whole" CHECK (("support_cases"."decision" IS NULL) = ("support_cases"."decision_reason" IS NULL) AND ("support_cases"."decision" IS NULL) = ("support_cases"."decided_at" IS NULL)),
	CONSTRAINT "support_cases_closed_whole" CHECK (("support_cases"."state" = 'closed') = ("support_cases"."closed_at" IS NOT NULL)),
	CONSTRAINT "support_cases_objectives" CHECK (cardinality("support_cases"."objective_ids") > 0)
);
--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "completion_min_percent" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "follow_up_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "follow_up_anonymous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_people_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_objective_id_course_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."course_objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_respondent_id_people_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_actions" ADD CONSTRAINT "retention_actions_plan_id_retention_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."retention_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_actions" ADD CONSTRAINT "retention_actions_objective_id_course_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."course_objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_check_ins" ADD CONSTRAINT "retention_check_ins_plan_id_retention_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."retention_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_plans" ADD CONSTRAINT "retention_plans_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_plans" ADD CONSTRAINT "retention_plans_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_plans" ADD CONSTRAINT "retention_plans_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_plans" ADD CONSTRAINT "retention_plans_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_events" ADD CONSTRAINT "support_case_events_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_case_events" ADD CONSTRAINT "support_case_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_live_enrolment_idx" ON "certificates" USING btree ("enrolment_id") WHERE "certificates"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "certificates_enrolment_idx" ON "certificates" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_idx" ON "certificates" USING btree ("code");--> statement-breakpoint
CREATE INDEX "follow_up_answers_objective_idx" ON "follow_up_answers" USING btree ("objective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_enrolment_role_idx" ON "follow_ups" USING btree ("enrolment_id","respondent_role");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_token_idx" ON "follow_ups" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "follow_ups_respondent_idx" ON "follow_ups" USING btree ("respondent_id","opened_at");--> statement-breakpoint
CREATE INDEX "follow_ups_open_idx" ON "follow_ups" USING btree ("closes_at") WHERE "follow_ups"."answered_at" IS NULL;--> statement-breakpoint
CREATE INDEX "retention_actions_plan_idx" ON "retention_actions" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "retention_check_ins_plan_idx" ON "retention_check_ins" USING btree ("plan_id","due_on");--> statement-breakpoint
CREATE INDEX "retention_check_ins_due_idx" ON "retention_check_ins" USING btree ("due_on") WHERE "retention_check_ins"."reminded_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_plans_enrolment_idx" ON "retention_plans" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "support_case_events_case_idx" ON "support_case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_cases_live_enrolment_idx" ON "support_cases" USING btree ("enrolment_id") WHERE "support_cases"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "support_cases_enrolment_idx" ON "support_cases" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "support_cases_state_idx" ON "support_cases" USING btree ("state","opened_at");--> statement-breakpoint
CREATE INDEX "enrolments_completed_idx" ON "enrolments" USING btree ("completed_at") WHERE "enrolments"."state" = 'completed';--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_completion_min_percent" CHECK ("courses"."completion_min_percent" BETWEEN 1 AND 100);--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_follow_up_days" CHECK ("courses"."follow_up_days" BETWEEN 1 AND 365);--> statement-breakpoint
UPDATE "enrolments" SET "completed_at" = "updated_at" WHERE "state" = 'completed';
