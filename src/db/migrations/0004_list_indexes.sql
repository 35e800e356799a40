ALTER TABLE "enterprises" ADD COLUMN "latest_revenue" bigint;--> statement-breakpoint
CREATE INDEX "enterprises_filters_idx" ON "enterprises" USING btree ("industry_code","size_class","current_tier","district_code","zone_code","cluster_code");--> statement-breakpoint
CREATE INDEX "enterprises_revenue_idx" ON "enterprises" USING btree ("latest_revenue" DESC NULLS LAST);--> statement-breakpoint
UPDATE "enterprises" e SET "latest_revenue" = y."revenue" FROM "enterprise_years" y WHERE y."enterprise_id" = e."id" AND y."year" = e."latest_year";
