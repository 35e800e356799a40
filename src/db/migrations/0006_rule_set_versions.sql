CREATE TABLE "rule_set_versions" (
	"rule_set" text NOT NULL,
	"version" integer NOT NULL,
	"values" jsonb NOT NULL,
	"note" text NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_set_versions_rule_set_version_pk" PRIMARY KEY("rule_set","version")
);
