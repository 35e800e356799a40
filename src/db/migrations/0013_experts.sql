CREATE TABLE "expert_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enterprise_id" uuid,
	"district_code" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_assignments_enterprise_uq" UNIQUE("expert_id","enterprise_id"),
	CONSTRAINT "expert_assignments_district_uq" UNIQUE("expert_id","district_code"),
	CONSTRAINT "expert_assignments_kind_ck" CHECK (("expert_assignments"."kind" = 'enterprise' and "expert_assignments"."enterprise_id" is not null and "expert_assignments"."district_code" is null) or ("expert_assignments"."kind" = 'district' and "expert_assignments"."district_code" is not null and "expert_assignments"."enterprise_id" is null))
);
--> statement-breakpoint
CREATE TABLE "expert_conflicts" (
	"expert_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_conflicts_expert_id_enterprise_id_pk" PRIMARY KEY("expert_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "expert_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"form" text NOT NULL,
	"topic" text NOT NULL,
	"advice" text NOT NULL,
	"follow_up" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"industry_code" text NOT NULL,
	"organization" text NOT NULL,
	"district_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_phone" text,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_visits" ADD CONSTRAINT "expert_visits_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_visits" ADD CONSTRAINT "expert_visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_visits" ADD CONSTRAINT "expert_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_assignments_enterprise_idx" ON "expert_assignments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "expert_assignments_district_idx" ON "expert_assignments" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "expert_conflicts_enterprise_idx" ON "expert_conflicts" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "expert_visits_enterprise_idx" ON "expert_visits" USING btree ("enterprise_id","visited_on");--> statement-breakpoint
CREATE INDEX "expert_visits_expert_idx" ON "expert_visits" USING btree ("expert_id","visited_on");--> statement-breakpoint
CREATE INDEX "experts_industry_idx" ON "experts" USING btree ("industry_code");