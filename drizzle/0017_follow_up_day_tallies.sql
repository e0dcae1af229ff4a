CREATE TABLE "follow_up_day_tallies" (
	"day" date NOT NULL,
	"business_unit_id" uuid,
	"respondent_role" text NOT NULL,
	"promoters" integer DEFAULT 0 NOT NULL,
	"passives" integer DEFAULT 0 NOT NULL,
	"detractors" integer DEFAULT 0 NOT NULL,
	"objectives_met" integer DEFAULT 0 NOT NULL,
	"objectives_rated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "follow_up_day_tallies_key" UNIQUE NULLS NOT DISTINCT("business_unit_id","respondent_role","day")
);
