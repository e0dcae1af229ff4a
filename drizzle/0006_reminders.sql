CREATE TABLE "enrolment_reminders" (
	"enrolment_id" uuid NOT NULL,
	"offset_minutes" integer NOT NULL,
	"session_starts_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enrolment_reminders_enrolment_id_offset_minutes_session_starts_at_pk" PRIMARY KEY("enrolment_id","offset_minutes","session_starts_at")
);
--> statement-breakpoint
ALTER TABLE "course_sessions" ADD COLUMN "reminder_offsets_minutes" integer[] DEFAULT '{10080,1440}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enrolment_reminders" ADD CONSTRAINT "enrolment_reminders_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;