CREATE TABLE "message_unread_counts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mobile" text;--> statement-breakpoint
ALTER TABLE "message_unread_counts" ADD CONSTRAINT "message_unread_counts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_user_created_idx" ON "messages" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_user_unread_idx" ON "messages" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "messages"."read_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_message_idx" ON "outbox" USING btree ("message_id");--> statement-breakpoint
-- The unread count per user, kept by statement triggers (one upsert per user and statement, users
-- in id order so that two transactions lock the same rows in the same order).
CREATE FUNCTION "message_unread_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "message_unread_counts" ("user_id", "unread")
    SELECT "user_id", count(*) FROM new_rows WHERE "read_at" IS NULL GROUP BY "user_id" ORDER BY "user_id"
  ON CONFLICT ("user_id") DO UPDATE SET "unread" = "message_unread_counts"."unread" + excluded."unread";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "message_unread_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH delta AS (
    SELECT "user_id", sum(d)::int AS d FROM (
      SELECT "user_id", -1 AS d FROM old_rows WHERE "read_at" IS NULL
      UNION ALL
      SELECT "user_id", 1 AS d FROM new_rows WHERE "read_at" IS NULL
    ) x GROUP BY "user_id" HAVING sum(d) <> 0
  )
  INSERT INTO "message_unread_counts" ("user_id", "unread")
    SELECT "user_id", greatest(d, 0) FROM delta ORDER BY "user_id"
  ON CONFLICT ("user_id") DO UPDATE
    SET "unread" = greatest("message_unread_counts"."unread" + (SELECT d FROM delta WHERE delta."user_id" = excluded."user_id"), 0);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "message_unread_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only update: when a user is deleted, their count row goes with them (cascade).
  UPDATE "message_unread_counts" c SET "unread" = greatest(c."unread" - x.n, 0)
    FROM (SELECT "user_id", count(*)::int AS n FROM old_rows WHERE "read_at" IS NULL GROUP BY "user_id") x
    WHERE c."user_id" = x."user_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "messages_unread_insert" AFTER INSERT ON "messages" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "message_unread_on_insert"();--> statement-breakpoint
CREATE TRIGGER "messages_unread_update" AFTER UPDATE ON "messages" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "message_unread_on_update"();--> statement-breakpoint
CREATE TRIGGER "messages_unread_delete" AFTER DELETE ON "messages" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "message_unread_on_delete"();
