CREATE TABLE "recognition_overdue_reminders" (
	"district_code" text NOT NULL,
	"day" date NOT NULL,
	"overdue" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_overdue_reminders_district_code_day_pk" PRIMARY KEY("district_code","day")
);
--> statement-breakpoint
ALTER TABLE "recognition_overdue_reminders" ADD CONSTRAINT "recognition_overdue_reminders_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;