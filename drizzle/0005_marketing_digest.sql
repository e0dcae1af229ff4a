CREATE TABLE "digest_interests" (
	"person_id" uuid NOT NULL,
	"interest_id" uuid NOT NULL,
	CONSTRAINT "digest_interests_person_id_interest_id_pk" PRIMARY KEY("person_id","interest_id")
);
--> statement-breakpoint
CREATE TABLE "digest_subscriptions" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"subscribed" boolean NOT NULL,
	"frequency" text NOT NULL,
	"opted_in_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"next_due_on" date NOT NULL,
	"last_digest_at" timestamp with time zone,
	"last_period" text,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "digest_subscriptions_opted_in" CHECK (NOT "digest_subscriptions"."subscribed" OR "digest_subscriptions"."opted_in_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "digest_unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"period" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "digest_interests" ADD CONSTRAINT "digest_interests_person_id_digest_subscriptions_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."digest_subscriptions"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_interests" ADD CONSTRAINT "digest_interests_interest_id_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "digest_subscriptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_unsubscribe_tokens" ADD CONSTRAINT "digest_unsubscribe_tokens_person_id_digest_subscriptions_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."digest_subscriptions"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "digest_interests_interest_idx" ON "digest_interests" USING btree ("interest_id");--> statement-breakpoint
CREATE INDEX "digest_subscriptions_due_idx" ON "digest_subscriptions" USING btree ("next_due_on","person_id") WHERE "digest_subscriptions"."subscribed";--> statement-breakpoint
CREATE INDEX "digest_unsubscribe_tokens_person_idx" ON "digest_unsubscribe_tokens" USING btree ("person_id");