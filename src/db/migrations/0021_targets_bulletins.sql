CREATE TABLE "bulletin_settings" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"values" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_kind" text NOT NULL,
	"period" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"corrects_id" uuid,
	"title" text NOT NULL,
	"document_no" text,
	"as_of" date NOT NULL,
	"settings" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletins_period_revision" UNIQUE("period_kind","period","revision")
);
--> statement-breakpoint
CREATE TABLE "enterprise_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"reached_on" date NOT NULL,
	"market" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_listings_stage" UNIQUE("enterprise_id","stage")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"unit_code" text,
	"indicator" text NOT NULL,
	"measure" text DEFAULT 'stock' NOT NULL,
	"year" integer NOT NULL,
	"baseline_on" date NOT NULL,
	"value" integer NOT NULL,
	"document_no" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulletin_settings" ADD CONSTRAINT "bulletin_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_listings" ADD CONSTRAINT "enterprise_listings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_listings" ADD CONSTRAINT "enterprise_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_unit_code_districts_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulletins_published_idx" ON "bulletins" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "enterprise_listings_stage_idx" ON "enterprise_listings" USING btree ("stage","reached_on");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_unit_indicator_year" ON "targets" USING btree (coalesce("unit_code", ''),"indicator","year");--> statement-breakpoint
CREATE INDEX "targets_year_idx" ON "targets" USING btree ("year");