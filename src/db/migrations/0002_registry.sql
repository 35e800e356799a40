CREATE TABLE "enterprise_honours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"level" text,
	"obtained_on" date,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_titles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"level" text NOT NULL,
	"batch" text,
	"recognised_on" date NOT NULL,
	"valid_until" date,
	"status" text DEFAULT 'valid' NOT NULL,
	"certificate_no" text,
	"source" text DEFAULT 'import' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_titles_unique" UNIQUE("enterprise_id","tier","recognised_on")
);
--> statement-breakpoint
CREATE TABLE "enterprise_years" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"revenue" bigint,
	"main_revenue" bigint,
	"total_profit" bigint,
	"net_profit" bigint,
	"total_assets" bigint,
	"total_liabilities" bigint,
	"rd_expense" bigint,
	"employees" integer,
	"rd_staff" integer,
	"exports" bigint,
	"taxes_paid" bigint,
	"equity_financing" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_years_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "uscc_override_reason" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "sector" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "cluster_code" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "registered_capital" bigint;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "main_product" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "niche_market" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "niche_entry_year" integer;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "listing_status" text DEFAULT 'unlisted' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "facts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "size_class" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "latest_year" integer;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "current_tier" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED;--> statement-breakpoint
ALTER TABLE "enterprise_honours" ADD CONSTRAINT "enterprise_honours_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD CONSTRAINT "enterprise_titles_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_years" ADD CONSTRAINT "enterprise_years_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_honours_enterprise_idx" ON "enterprise_honours" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_titles_enterprise_idx" ON "enterprise_titles" USING btree ("enterprise_id");--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_cluster_code_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "public"."clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprises_industry_idx" ON "enterprises" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "enterprises_cluster_idx" ON "enterprises" USING btree ("cluster_code");--> statement-breakpoint
CREATE INDEX "enterprises_tier_idx" ON "enterprises" USING btree ("current_tier");--> statement-breakpoint
CREATE INDEX "enterprises_size_idx" ON "enterprises" USING btree ("size_class");--> statement-breakpoint
CREATE INDEX "enterprises_established_idx" ON "enterprises" USING btree ("established_on");--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name");--> statement-breakpoint
CREATE INDEX "enterprises_search_idx" ON "enterprises" USING gin ("search_vector");