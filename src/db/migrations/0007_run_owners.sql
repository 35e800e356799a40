ALTER TABLE "evaluation_runs" ADD COLUMN "scope_key" text;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD COLUMN "owner_instance" integer;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "owner_instance" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_runs_active_scope_idx" ON "evaluation_runs" USING btree ("scope_key") WHERE status in ('queued', 'running');