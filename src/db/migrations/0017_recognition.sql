CREATE TABLE "annual_update_deadlines" (
	"data_year" integer PRIMARY KEY NOT NULL,
	"due_on" date NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_updates" (
	"enterprise_id" uuid NOT NULL,
	"data_year" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"on_time" boolean NOT NULL,
	CONSTRAINT "annual_updates_enterprise_id_data_year_pk" PRIMARY KEY("enterprise_id","data_year")
);
--> statement-breakpoint
CREATE TABLE "recognition_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"zone_code" text,
	"tier" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"form_version" integer DEFAULT 1 NOT NULL,
	"form_saved_at" timestamp with time zone,
	"frozen" jsonb,
	"evaluation" jsonb,
	"outcome" text,
	"score" integer,
	"industry_code" text,
	"submitted_at" timestamp with time zone,
	"pledged_at" timestamp with time zone,
	"district_due_on" date,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_reason_code" text,
	"return_reason" text,
	"expert_score" integer,
	"expert_score_flagged" boolean DEFAULT false NOT NULL,
	"reviewed_title_id" uuid,
	"title_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_applications_round_enterprise_uq" UNIQUE("round_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "recognition_expert_reviews" (
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"featured_score" integer,
	"score" integer,
	"opinion" text,
	"submitted_at" timestamp with time zone,
	"flagged" boolean DEFAULT false NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_expert_reviews_application_id_expert_id_pk" PRIMARY KEY("application_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "recognition_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason_code" text,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"objector_name" text NOT NULL,
	"objector_contact" text NOT NULL,
	"facts" text NOT NULL,
	"received_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"finding_reason" text,
	"found_at" timestamp with time zone,
	"found_by" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tier" text NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"continuous" boolean DEFAULT false NOT NULL,
	"cutoff_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"district_review_days" integer DEFAULT 6 NOT NULL,
	"expert_review" boolean DEFAULT false NOT NULL,
	"experts_per_application" integer DEFAULT 3 NOT NULL,
	"score_method" text DEFAULT 'mean' NOT NULL,
	"score_margin" integer DEFAULT 15 NOT NULL,
	"publicity_days" integer DEFAULT 5 NOT NULL,
	"rule_set" text NOT NULL,
	"rule_set_override_reason" text,
	"publicity_starts_on" date,
	"publicity_ends_on" date,
	"announced_on" date,
	"document_no" text,
	"recommended_on" date,
	"closed_on" date,
	"opening_notified_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD COLUMN "document_no" text;--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD COLUMN "revoked_on" date;--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD COLUMN "revocation_category" text;--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "enterprise_titles" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "annual_update_deadlines" ADD CONSTRAINT "annual_update_deadlines_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_updates" ADD CONSTRAINT "annual_updates_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_updates" ADD CONSTRAINT "annual_updates_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_round_id_recognition_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."recognition_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_zone_code_districts_code_fk" FOREIGN KEY ("zone_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_reviewed_title_id_enterprise_titles_id_fk" FOREIGN KEY ("reviewed_title_id") REFERENCES "public"."enterprise_titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_title_id_enterprise_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."enterprise_titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_applications" ADD CONSTRAINT "recognition_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_expert_reviews" ADD CONSTRAINT "recognition_expert_reviews_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_expert_reviews" ADD CONSTRAINT "recognition_expert_reviews_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_history" ADD CONSTRAINT "recognition_history_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_history" ADD CONSTRAINT "recognition_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_objections" ADD CONSTRAINT "recognition_objections_application_id_recognition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."recognition_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_objections" ADD CONSTRAINT "recognition_objections_found_by_users_id_fk" FOREIGN KEY ("found_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_objections" ADD CONSTRAINT "recognition_objections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_rounds" ADD CONSTRAINT "recognition_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recognition_applications_review_idx" ON "recognition_applications" USING btree ("round_id","district_code","status");--> statement-breakpoint
CREATE INDEX "recognition_applications_district_idx" ON "recognition_applications" USING btree ("district_code","status");--> statement-breakpoint
CREATE INDEX "recognition_applications_enterprise_idx" ON "recognition_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "recognition_expert_reviews_expert_idx" ON "recognition_expert_reviews" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "recognition_history_application_idx" ON "recognition_history" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "recognition_objections_application_idx" ON "recognition_objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "recognition_rounds_year_idx" ON "recognition_rounds" USING btree ("year","tier");