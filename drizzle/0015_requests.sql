CREATE TABLE "development_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"size" text NOT NULL,
	"state" text DEFAULT 'started' NOT NULL,
	"owner_id" uuid NOT NULL,
	"request_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "prime_segments" (
	"business_unit_id" uuid PRIMARY KEY NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"intervention_index" integer NOT NULL,
	"kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"project_id" uuid,
	"course_id" uuid,
	"enrolment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "request_actions_closed" CHECK (("request_actions"."state" = 'open') = ("request_actions"."closed_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "request_effort" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"worked_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_effort_minutes" CHECK ("request_effort"."minutes" > 0 AND "request_effort"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "request_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"summary" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"interventions" jsonb NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"response" text,
	"response_note" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "request_survey_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answers" jsonb,
	CONSTRAINT "request_survey_invites_answered" CHECK (("request_survey_invites"."answered_at" IS NULL) = ("request_survey_invites"."answers" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "strategic_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "training_requests_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"requester_id" uuid NOT NULL,
	"opened_by" uuid,
	"origin" text DEFAULT 'intake' NOT NULL,
	"origin_id" uuid,
	"business_unit_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"audience_size" integer,
	"desired_outcome" text DEFAULT '' NOT NULL,
	"proposed_solution" text DEFAULT '' NOT NULL,
	"urgency" text DEFAULT 'when_possible' NOT NULL,
	"goal_id" uuid,
	"request_type" text,
	"triage_role" text,
	"decision_role" text,
	"owner_id" uuid,
	"gap_current" text,
	"gap_desired" text,
	"gap_measure" text,
	"causes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"diagnosed_at" timestamp with time zone,
	"stakeholder_wants" text,
	"reconciliation" text,
	"submitted_at" timestamp with time zone,
	"triaged_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_requests_number_idx" UNIQUE("number"),
	CONSTRAINT "training_requests_audience_size" CHECK ("training_requests"."audience_size" IS NULL OR "training_requests"."audience_size" > 0),
	CONSTRAINT "training_requests_submitted" CHECK (("training_requests"."state" = 'draft' AND "training_requests"."submitted_at" IS NULL) OR ("training_requests"."state" <> 'draft' AND ("training_requests"."submitted_at" IS NOT NULL OR "training_requests"."state" = 'withdrawn')))
);
--> statement-breakpoint
ALTER TABLE "development_projects" ADD CONSTRAINT "development_projects_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prime_segments" ADD CONSTRAINT "prime_segments_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prime_segments" ADD CONSTRAINT "prime_segments_marked_by_people_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_actions" ADD CONSTRAINT "request_actions_request_id_training_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."training_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_actions" ADD CONSTRAINT "request_actions_recommendation_id_request_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."request_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_actions" ADD CONSTRAINT "request_actions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_effort" ADD CONSTRAINT "request_effort_request_id_training_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."training_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_effort" ADD CONSTRAINT "request_effort_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_training_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."training_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_recommendations" ADD CONSTRAINT "request_recommendations_request_id_training_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."training_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_recommendations" ADD CONSTRAINT "request_recommendations_issued_by_people_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_recommendations" ADD CONSTRAINT "request_recommendations_responded_by_people_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_survey_invites" ADD CONSTRAINT "request_survey_invites_request_id_training_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."training_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_survey_invites" ADD CONSTRAINT "request_survey_invites_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_requester_id_people_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_opened_by_people_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_goal_id_strategic_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."strategic_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_projects_request_idx" ON "development_projects" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "development_projects_state_idx" ON "development_projects" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "request_actions_intervention_idx" ON "request_actions" USING btree ("recommendation_id","intervention_index");--> statement-breakpoint
CREATE INDEX "request_actions_request_idx" ON "request_actions" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_effort_request_idx" ON "request_effort" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_recommendations_version_idx" ON "request_recommendations" USING btree ("request_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "request_survey_invites_person_idx" ON "request_survey_invites" USING btree ("request_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_survey_invites_token_idx" ON "request_survey_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "training_requests_requester_idx" ON "training_requests" USING btree ("requester_id","created_at");--> statement-breakpoint
CREATE INDEX "training_requests_state_idx" ON "training_requests" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "training_requests_owner_idx" ON "training_requests" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "training_requests_origin_idx" ON "training_requests" USING btree ("origin_id");