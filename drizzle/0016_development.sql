CREATE TABLE "problem_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"owner_id" uuid,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"fixed_revision" integer,
	"fix_note" text,
	"fixed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"stage_key" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"deliverables" jsonb NOT NULL,
	"required_sign_offs" jsonb NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"state" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"override_reason" text
);
--> statement-breakpoint
CREATE TABLE "stage_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "design_model_version" integer;--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "course_id" uuid;--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "objectives" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "new_course" jsonb;--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "released_course_id" uuid;--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "released_revision" integer;--> statement-breakpoint
ALTER TABLE "development_projects" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_reporter_id_people_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_project_id_development_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_comments" ADD CONSTRAINT "stage_comments_project_id_development_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_comments" ADD CONSTRAINT "stage_comments_stage_id_project_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."project_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_comments" ADD CONSTRAINT "stage_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_partners" ADD CONSTRAINT "stage_partners_project_id_development_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."development_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_partners" ADD CONSTRAINT "stage_partners_stage_id_project_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."project_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_partners" ADD CONSTRAINT "stage_partners_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_partners" ADD CONSTRAINT "stage_partners_invited_by_people_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_reports_course_idx" ON "problem_reports" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "problem_reports_reporter_idx" ON "problem_reports" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "problem_reports_state_idx" ON "problem_reports" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "project_stages_position_idx" ON "project_stages" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "stage_comments_stage_idx" ON "stage_comments" USING btree ("stage_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stage_partners_stage_person_idx" ON "stage_partners" USING btree ("stage_id","person_id");--> statement-breakpoint
CREATE INDEX "stage_partners_person_idx" ON "stage_partners" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "development_projects_course_idx" ON "development_projects" USING btree ("course_id");