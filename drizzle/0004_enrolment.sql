CREATE TABLE "enrolment_approval_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"approver_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolment_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrolment_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enrolment_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid,
	"course_id" uuid,
	"person_id" uuid NOT NULL,
	"state" text NOT NULL,
	"position" integer,
	"origin" text NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone NOT NULL,
	"note" text,
	"approval_by" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"replaces_enrolment_id" uuid,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancellation_reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enrolments_session_or_course" CHECK (num_nonnulls("enrolments"."session_id", "enrolments"."course_id") = 1),
	CONSTRAINT "enrolments_position" CHECK (("enrolments"."session_id" IS NULL AND "enrolments"."position" IS NULL) OR ("enrolments"."session_id" IS NOT NULL AND "enrolments"."position" >= 1)),
	CONSTRAINT "enrolments_pending_has_approver" CHECK ("enrolments"."state" <> 'pending_approval' OR "enrolments"."approval_by" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "enrolment_approval_tokens" ADD CONSTRAINT "enrolment_approval_tokens_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_approval_tokens" ADD CONSTRAINT "enrolment_approval_tokens_approver_id_people_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_events" ADD CONSTRAINT "enrolment_events_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_events" ADD CONSTRAINT "enrolment_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_applied_by_people_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_replaces_enrolment_id_enrolments_id_fk" FOREIGN KEY ("replaces_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cancelled_by_people_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolment_approval_tokens_enrolment_idx" ON "enrolment_approval_tokens" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "enrolment_events_enrolment_idx" ON "enrolment_events" USING btree ("enrolment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_live_session_person_idx" ON "enrolments" USING btree ("session_id","person_id") WHERE "enrolments"."state" NOT IN ('declined', 'cancelled') AND "enrolments"."session_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_live_course_person_idx" ON "enrolments" USING btree ("course_id","person_id") WHERE "enrolments"."state" NOT IN ('declined', 'cancelled') AND "enrolments"."course_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_session_position_idx" ON "enrolments" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "enrolments_person_idx" ON "enrolments" USING btree ("person_id","applied_at");--> statement-breakpoint
CREATE INDEX "enrolments_replaces_idx" ON "enrolments" USING btree ("replaces_enrolment_id");--> statement-breakpoint
CREATE INDEX "enrolments_pending_idx" ON "enrolments" USING btree ("approval_by") WHERE "enrolments"."state" = 'pending_approval';