CREATE TABLE "enrolment_audience" (
	"enrolment_id" uuid PRIMARY KEY NOT NULL,
	"role" text,
	"reason" text,
	"prior_experience" text,
	"prior_experience_note" text,
	"self_rated_level" integer,
	"meets_prerequisites" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"expectations" text,
	"expectations_by" uuid,
	"expectations_at" timestamp with time zone,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enrolment_audience_level" CHECK ("enrolment_audience"."self_rated_level" IS NULL OR "enrolment_audience"."self_rated_level" BETWEEN 1 AND 5),
	CONSTRAINT "enrolment_audience_answered_whole" CHECK (("enrolment_audience"."answered_at" IS NULL) = ("enrolment_audience"."prior_experience" IS NULL) AND ("enrolment_audience"."answered_at" IS NULL) = ("enrolment_audience"."self_rated_level" IS NULL)),
	CONSTRAINT "enrolment_audience_expectations_dated" CHECK (("enrolment_audience"."expectations" IS NULL) = ("enrolment_audience"."expectations_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "enrolment_fit_flags" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrolment_fit_flags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enrolment_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"explanation" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "redirected_from_enrolment_id" uuid;--> statement-breakpoint
ALTER TABLE "enrolment_audience" ADD CONSTRAINT "enrolment_audience_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_audience" ADD CONSTRAINT "enrolment_audience_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_audience" ADD CONSTRAINT "enrolment_audience_expectations_by_people_id_fk" FOREIGN KEY ("expectations_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_fit_flags" ADD CONSTRAINT "enrolment_fit_flags_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_fit_flags_live_idx" ON "enrolment_fit_flags" USING btree ("enrolment_id","rule") WHERE "enrolment_fit_flags"."cleared_at" IS NULL;--> statement-breakpoint
CREATE INDEX "enrolment_fit_flags_enrolment_idx" ON "enrolment_fit_flags" USING btree ("enrolment_id","id");--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_redirected_from_enrolment_id_enrolments_id_fk" FOREIGN KEY ("redirected_from_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolments_redirected_from_idx" ON "enrolments" USING btree ("redirected_from_enrolment_id");