CREATE INDEX "follow_ups_answered_idx" ON "follow_ups" USING btree ("answered_at") WHERE "follow_ups"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "retention_plans_created_idx" ON "retention_plans" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "clocks_started_idx" ON "clocks" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "support_cases_opened_idx" ON "support_cases" USING btree ("opened_at");