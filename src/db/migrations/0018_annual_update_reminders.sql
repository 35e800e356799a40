CREATE TABLE "annual_update_reminders" (
	"enterprise_id" uuid NOT NULL,
	"data_year" integer NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_update_reminders_enterprise_id_data_year_days_before_pk" PRIMARY KEY("enterprise_id","data_year","days_before")
);
--> statement-breakpoint
ALTER TABLE "annual_update_reminders" ADD CONSTRAINT "annual_update_reminders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;