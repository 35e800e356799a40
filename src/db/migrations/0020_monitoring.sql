CREATE TABLE "monitoring_aggregates" (
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"dim" text NOT NULL,
	"dim_key" text NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"unmatched" integer DEFAULT 0 NOT NULL,
	"revised" integer DEFAULT 0 NOT NULL,
	"revenue_cur" bigint DEFAULT 0 NOT NULL,
	"revenue_prev" bigint DEFAULT 0 NOT NULL,
	"profit_cur" bigint DEFAULT 0 NOT NULL,
	"profit_prev" bigint DEFAULT 0 NOT NULL,
	"output_cur" bigint DEFAULT 0 NOT NULL,
	"output_prev" bigint DEFAULT 0 NOT NULL,
	"rd_cur" bigint DEFAULT 0 NOT NULL,
	"rd_prev" bigint DEFAULT 0 NOT NULL,
	"export_cur" bigint DEFAULT 0 NOT NULL,
	"export_prev" bigint DEFAULT 0 NOT NULL,
	"tax_cur" bigint DEFAULT 0 NOT NULL,
	"tax_prev" bigint DEFAULT 0 NOT NULL,
	"employees_cur" bigint DEFAULT 0 NOT NULL,
	"employees_prev" bigint DEFAULT 0 NOT NULL,
	"electricity_cur" bigint DEFAULT 0 NOT NULL,
	"electricity_prev" bigint DEFAULT 0 NOT NULL,
	"orders_up" integer DEFAULT 0 NOT NULL,
	"orders_answered" integer DEFAULT 0 NOT NULL,
	"employment_up" integer DEFAULT 0 NOT NULL,
	"employment_answered" integer DEFAULT 0 NOT NULL,
	"financing_up" integer DEFAULT 0 NOT NULL,
	"financing_answered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monitoring_aggregates_year_month_unit_kind_unit_code_dim_dim_key_pk" PRIMARY KEY("year","month","unit_kind","unit_code","dim","dim_key")
);
--> statement-breakpoint
CREATE TABLE "monitoring_reminders" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"kind" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_by" uuid,
	"district_code" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_reminders_enterprise_id_year_month_kind_sent_on_pk" PRIMARY KEY("enterprise_id","year","month","kind","sent_on")
);
--> statement-breakpoint
CREATE TABLE "monitoring_report_versions" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"values" jsonb NOT NULL,
	"action" text NOT NULL,
	"after_due" boolean DEFAULT false NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_report_versions_enterprise_id_year_month_version_pk" PRIMARY KEY("enterprise_id","year","month","version")
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"status" text NOT NULL,
	"district_code" text NOT NULL,
	"zone_code" text,
	"industry_code" text,
	"section_code" text,
	"cluster_code" text,
	"size_class" text,
	"tier" text NOT NULL,
	"revenue_month" bigint,
	"revenue_ytd" bigint NOT NULL,
	"profit_ytd" bigint NOT NULL,
	"output_ytd" bigint,
	"employees" integer NOT NULL,
	"rd_expense_ytd" bigint,
	"export_ytd" bigint,
	"tax_ytd" bigint,
	"electricity_ytd" bigint,
	"new_orders" bigint,
	"survey_orders" text,
	"survey_employment" text,
	"survey_financing" text,
	"suggestions" text,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_on" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"first_pass" boolean DEFAULT false NOT NULL,
	"revised_after_due" boolean DEFAULT false NOT NULL,
	"entered_by" text NOT NULL,
	"first_submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "monitoring_reports_enterprise_id_year_month_pk" PRIMARY KEY("enterprise_id","year","month")
) PARTITION BY LIST ("year");
--> statement-breakpoint
-- Monthly reports are partitioned by year (hand-written: drizzle does not declare partitions). Years
-- 2018–2040 have their own partition; any other year lands in the default one.
CREATE TABLE "monitoring_reports_2018" PARTITION OF "monitoring_reports" FOR VALUES IN (2018);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2019" PARTITION OF "monitoring_reports" FOR VALUES IN (2019);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2020" PARTITION OF "monitoring_reports" FOR VALUES IN (2020);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2021" PARTITION OF "monitoring_reports" FOR VALUES IN (2021);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2022" PARTITION OF "monitoring_reports" FOR VALUES IN (2022);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2023" PARTITION OF "monitoring_reports" FOR VALUES IN (2023);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2024" PARTITION OF "monitoring_reports" FOR VALUES IN (2024);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2025" PARTITION OF "monitoring_reports" FOR VALUES IN (2025);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2026" PARTITION OF "monitoring_reports" FOR VALUES IN (2026);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2027" PARTITION OF "monitoring_reports" FOR VALUES IN (2027);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2028" PARTITION OF "monitoring_reports" FOR VALUES IN (2028);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2029" PARTITION OF "monitoring_reports" FOR VALUES IN (2029);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2030" PARTITION OF "monitoring_reports" FOR VALUES IN (2030);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2031" PARTITION OF "monitoring_reports" FOR VALUES IN (2031);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2032" PARTITION OF "monitoring_reports" FOR VALUES IN (2032);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2033" PARTITION OF "monitoring_reports" FOR VALUES IN (2033);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2034" PARTITION OF "monitoring_reports" FOR VALUES IN (2034);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2035" PARTITION OF "monitoring_reports" FOR VALUES IN (2035);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2036" PARTITION OF "monitoring_reports" FOR VALUES IN (2036);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2037" PARTITION OF "monitoring_reports" FOR VALUES IN (2037);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2038" PARTITION OF "monitoring_reports" FOR VALUES IN (2038);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2039" PARTITION OF "monitoring_reports" FOR VALUES IN (2039);--> statement-breakpoint
CREATE TABLE "monitoring_reports_2040" PARTITION OF "monitoring_reports" FOR VALUES IN (2040);--> statement-breakpoint
CREATE TABLE "monitoring_reports_other" PARTITION OF "monitoring_reports" DEFAULT;
--> statement-breakpoint
CREATE TABLE "monitoring_sample" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_settings" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"values" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_reminders" ADD CONSTRAINT "monitoring_reminders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reminders" ADD CONSTRAINT "monitoring_reminders_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_sample" ADD CONSTRAINT "monitoring_sample_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_sample" ADD CONSTRAINT "monitoring_sample_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_settings" ADD CONSTRAINT "monitoring_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_reports_period_district_idx" ON "monitoring_reports" USING btree ("year","month","district_code");--> statement-breakpoint
CREATE INDEX "monitoring_reports_period_zone_idx" ON "monitoring_reports" USING btree ("year","month","zone_code");--> statement-breakpoint
CREATE INDEX "monitoring_sample_status_idx" ON "monitoring_sample" USING btree ("status");