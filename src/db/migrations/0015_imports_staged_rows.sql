CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"chunk" integer NOT NULL,
	"rows" jsonb NOT NULL,
	CONSTRAINT "import_rows_import_id_chunk_pk" PRIMARY KEY("import_id","chunk")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_name" text NOT NULL,
	"file" "bytea",
	"file_size" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"preview_job_id" uuid,
	"commit_job_id" uuid,
	"staged_at" timestamp with time zone,
	"staged_rows" integer DEFAULT 0 NOT NULL,
	"preview_errors" integer,
	"committed_at" timestamp with time zone,
	"commit_result" jsonb,
	"ended_at" timestamp with time zone,
	"file_deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_preview_job_idx" ON "imports" USING btree ("preview_job_id");--> statement-breakpoint
CREATE INDEX "imports_commit_job_idx" ON "imports" USING btree ("commit_job_id");--> statement-breakpoint
CREATE INDEX "imports_ended_idx" ON "imports" USING btree ("ended_at");