CREATE TABLE "glossary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"definition" text NOT NULL,
	"example" text,
	"origin" text NOT NULL,
	"origin_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "glossary_terms_term_filled" CHECK (length(trim("glossary_terms"."term")) > 0)
);
--> statement-breakpoint
CREATE TABLE "workshop_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"happens_now" text DEFAULT '' NOT NULL,
	"should_happen" text DEFAULT '' NOT NULL,
	"standards_now" text DEFAULT '' NOT NULL,
	"standards_needed" text DEFAULT '' NOT NULL,
	"non_value_added" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"moment_id" uuid,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"request_id" uuid,
	"requested_by" uuid,
	"requested_at" timestamp with time zone,
	CONSTRAINT "workshop_opportunities_requested_whole" CHECK (("workshop_opportunities"."request_id" IS NULL) = ("workshop_opportunities"."requested_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "workshop_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"contribution" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"moment_id" uuid,
	"position" integer NOT NULL,
	"story" text NOT NULL,
	"told_by" text
);
--> statement-breakpoint
CREATE TABLE "workshop_words" (
	"workshop_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"harvested_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workshop_words_workshop_id_term_id_pk" PRIMARY KEY("workshop_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"business_unit_id" uuid,
	"process" text,
	"purpose" text DEFAULT '' NOT NULL,
	"held_on" date NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"step" text DEFAULT 'prepare' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "workshops_scope" CHECK ("workshops"."business_unit_id" IS NOT NULL OR "workshops"."process" IS NOT NULL),
	CONSTRAINT "workshops_finished_whole" CHECK (("workshops"."step" = 'done') = ("workshops"."finished_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_moments" ADD CONSTRAINT "workshop_moments_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_opportunities" ADD CONSTRAINT "workshop_opportunities_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_opportunities" ADD CONSTRAINT "workshop_opportunities_moment_id_workshop_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."workshop_moments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_opportunities" ADD CONSTRAINT "workshop_opportunities_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_stories" ADD CONSTRAINT "workshop_stories_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_stories" ADD CONSTRAINT "workshop_stories_moment_id_workshop_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."workshop_moments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_words" ADD CONSTRAINT "workshop_words_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_words" ADD CONSTRAINT "workshop_words_term_id_glossary_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."glossary_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_business_unit_id_business_units_id_fk" FOREIGN KEY ("business_unit_id") REFERENCES "public"."business_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_facilitator_id_people_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_terms_term_idx" ON "glossary_terms" USING btree (lower("term"));--> statement-breakpoint
CREATE INDEX "workshop_moments_workshop_idx" ON "workshop_moments" USING btree ("workshop_id","position");--> statement-breakpoint
CREATE INDEX "workshop_opportunities_workshop_idx" ON "workshop_opportunities" USING btree ("workshop_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_participants_person_idx" ON "workshop_participants" USING btree ("workshop_id","person_id");--> statement-breakpoint
CREATE INDEX "workshop_stories_workshop_idx" ON "workshop_stories" USING btree ("workshop_id","position");--> statement-breakpoint
CREATE INDEX "workshops_held_on_idx" ON "workshops" USING btree ("held_on");