CREATE TABLE "standard_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"standard_version_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"result" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"change_summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "standard_checks" ADD CONSTRAINT "standard_checks_standard_version_id_standard_versions_id_fk" FOREIGN KEY ("standard_version_id") REFERENCES "public"."standard_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_checks" ADD CONSTRAINT "standard_checks_checked_by_people_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_versions" ADD CONSTRAINT "standard_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_versions" ADD CONSTRAINT "standard_versions_published_by_people_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "standard_checks_item_idx" ON "standard_checks" USING btree ("subject_type","subject_id","standard_version_id","item_id");--> statement-breakpoint
CREATE INDEX "standard_checks_subject_idx" ON "standard_checks" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_versions_kind_version_idx" ON "standard_versions" USING btree ("kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_versions_one_draft_idx" ON "standard_versions" USING btree ("kind") WHERE "standard_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "standard_versions_one_published_idx" ON "standard_versions" USING btree ("kind") WHERE "standard_versions"."status" = 'published';