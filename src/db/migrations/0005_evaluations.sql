CREATE TABLE "evaluation_history" (
	"enterprise_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"run_id" uuid NOT NULL,
	"rule_set" text NOT NULL,
	"outcome" text NOT NULL,
	"score" integer,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_results" (
	"enterprise_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"run_id" uuid NOT NULL,
	"rule_set" text NOT NULL,
	"assessment_date" date NOT NULL,
	"outcome" text NOT NULL,
	"score" integer,
	"failed" jsonb NOT NULL,
	"gap" integer,
	"within_reach" boolean NOT NULL,
	"missing" json NOT NULL,
	"explanation" json NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_results_enterprise_id_tier_pk" PRIMARY KEY("enterprise_id","tier")
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_by" uuid NOT NULL,
	"actor" jsonb NOT NULL,
	"assessment_date" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"error" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "evaluation_history" ADD CONSTRAINT "evaluation_history_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_history_enterprise_idx" ON "evaluation_history" USING btree ("enterprise_id","evaluated_at");--> statement-breakpoint
CREATE INDEX "evaluation_results_pool_idx" ON "evaluation_results" USING btree ("tier","within_reach","outcome");