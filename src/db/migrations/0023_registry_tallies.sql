CREATE TABLE "registry_place_counts" (
	"district_code" text NOT NULL,
	"zone_code" text DEFAULT '' NOT NULL,
	"enterprises" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "registry_place_counts_district_code_zone_code_pk" PRIMARY KEY("district_code","zone_code")
);
--> statement-breakpoint
CREATE TABLE "title_holder_changes" (
	"district_code" text NOT NULL,
	"zone_code" text NOT NULL,
	"tier" text NOT NULL,
	"first_on" date NOT NULL,
	"day" date NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "title_holder_changes_district_code_zone_code_tier_first_on_day_pk" PRIMARY KEY("district_code","zone_code","tier","first_on","day")
);
--> statement-breakpoint
CREATE TABLE "title_holding_spans" (
	"enterprise_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"starts_on" date NOT NULL,
	"stops_on" date NOT NULL,
	"first_on" date NOT NULL,
	"district_code" text NOT NULL,
	"zone_code" text NOT NULL,
	CONSTRAINT "title_holding_spans_enterprise_id_tier_starts_on_pk" PRIMARY KEY("enterprise_id","tier","starts_on")
);
--> statement-breakpoint
-- The cockpit's tallies, kept by statement triggers (set-based: one COPY or import of 30,000 rows is a
-- few statements). Rows are upserted in key order, so that two transactions lock them in one order.
-- Enterprises per place.
CREATE FUNCTION "registry_place_counts_add"(district_codes text[], zone_codes text[], deltas int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "registry_place_counts" ("district_code", "zone_code", "enterprises")
    SELECT d, z, sum(n)::int FROM unnest(district_codes, zone_codes, deltas) AS x(d, z, n) GROUP BY d, z HAVING sum(n) <> 0 ORDER BY d, z
  ON CONFLICT ("district_code", "zone_code") DO UPDATE SET "enterprises" = "registry_place_counts"."enterprises" + excluded."enterprises";
$$;--> statement-breakpoint
-- The title spans of some enterprises, computed again from their titles and places: the old spans
-- leave title_holder_changes (at the place they were counted in), the new ones enter it. A title is
-- held from recognised_on to the day before the first of revoked_on, ended_on + 1 and valid_until + 1
-- (valid_until does not end it while under_review), never when revoked: the list's title filter
-- (titleHeldOn). Overlapping titles of one tier merge into one span, so an enterprise counts once.
-- first_on, the first recognised_on of the tier (revoked titles too), says since when it is new (holdsTitle's since).
-- Tier 'any' holds the spans of any title: the holders of a title, whatever the tier (年度信息更新).
-- Keys are matched with IN (SELECT unnest(ids)), a hashed semi-join: "= ANY(ids)" on a parameter compares
-- every row with the whole array (a COPY of 1.3M titles did not end in 10 minutes).
CREATE FUNCTION "title_spans_of"(ids uuid[]) RETURNS SETOF "title_holding_spans" LANGUAGE sql STABLE AS $$
  WITH titles AS (
    SELECT t."enterprise_id", t."tier", t."recognised_on", t."revoked_on", t."ended_on", t."valid_until", t."status"
    FROM "enterprise_titles" t WHERE t."enterprise_id" IN (SELECT unnest(ids))
    UNION ALL
    SELECT t."enterprise_id", 'any', t."recognised_on", t."revoked_on", t."ended_on", t."valid_until", t."status"
    FROM "enterprise_titles" t WHERE t."enterprise_id" IN (SELECT unnest(ids))
  ),
  held AS (
    SELECT t."enterprise_id", t."tier", t."recognised_on" AS starts_on,
      least(t."revoked_on", t."ended_on" + 1, CASE WHEN t."status" <> 'under_review' THEN t."valid_until" + 1 END, 'infinity'::date) AS stops_on
    FROM titles t WHERE t."status" <> 'revoked'
  ),
  reach AS (
    SELECT h.*, max(stops_on) OVER (PARTITION BY "enterprise_id", "tier" ORDER BY starts_on, stops_on
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
    FROM held h WHERE stops_on > starts_on
  ),
  islands AS (
    SELECT r.*, sum(CASE WHEN reached IS NULL OR starts_on > reached THEN 1 ELSE 0 END)
      OVER (PARTITION BY "enterprise_id", "tier" ORDER BY starts_on, stops_on ROWS UNBOUNDED PRECEDING) AS island
    FROM reach r
  ),
  firsts AS (
    SELECT "enterprise_id", "tier", min("recognised_on") AS first_on FROM titles GROUP BY 1, 2
  )
  SELECT i."enterprise_id", i."tier", min(i.starts_on), max(i.stops_on), f.first_on, e."district_code", coalesce(e."zone_code", '')
  FROM islands i JOIN "enterprises" e ON e."id" = i."enterprise_id"
    JOIN firsts f ON f."enterprise_id" = i."enterprise_id" AND f."tier" = i."tier"
  GROUP BY i."enterprise_id", i."tier", i.island, f.first_on, e."district_code", e."zone_code"
$$;--> statement-breakpoint
-- One upsert of the changes per refresh, keys in order: two writers of titles in one place cannot
-- each hold some of the rows the other one needs (two upserts per refresh could deadlock).
CREATE FUNCTION "title_holdings_refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH old AS (DELETE FROM "title_holding_spans" WHERE "enterprise_id" IN (SELECT unnest(ids)) RETURNING *),
  fresh AS (SELECT * FROM "title_spans_of"(ids)),
  changes AS (
    SELECT "district_code", "zone_code", "tier", "first_on", "starts_on" AS day, -1 AS d FROM old
    UNION ALL SELECT "district_code", "zone_code", "tier", "first_on", "stops_on", 1 FROM old WHERE "stops_on" <> 'infinity'
    UNION ALL SELECT "district_code", "zone_code", "tier", "first_on", "starts_on", 1 FROM fresh
    UNION ALL SELECT "district_code", "zone_code", "tier", "first_on", "stops_on", -1 FROM fresh WHERE "stops_on" <> 'infinity'
  )
  INSERT INTO "title_holder_changes" ("district_code", "zone_code", "tier", "first_on", "day", "delta")
    SELECT "district_code", "zone_code", "tier", "first_on", day, sum(d)::int FROM changes GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("district_code", "zone_code", "tier", "first_on", "day") DO UPDATE SET "delta" = "title_holder_changes"."delta" + excluded."delta";
  -- The old spans were deleted by the statement above; the new ones are computed again (same rows).
  INSERT INTO "title_holding_spans" SELECT * FROM "title_spans_of"(ids);
END $$;--> statement-breakpoint
CREATE FUNCTION "registry_tallies_on_enterprise_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "registry_place_counts_add"(array_agg(d), array_agg(z), array_agg(n))
    FROM (SELECT "district_code" AS d, coalesce("zone_code", '') AS z, count(*)::int AS n FROM new_rows GROUP BY 1, 2) x;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "registry_tallies_on_enterprise_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "registry_place_counts_add"(array_agg(d), array_agg(z), array_agg(n))
    FROM (SELECT "district_code" AS d, coalesce("zone_code", '') AS z, -count(*)::int AS n FROM old_rows GROUP BY 1, 2) x;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A move to another district or zone moves the enterprise's count and its title spans.
CREATE FUNCTION "registry_tallies_on_enterprise_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE moved uuid[];
BEGIN
  SELECT array_agg(n."id") INTO moved FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE o."district_code" IS DISTINCT FROM n."district_code" OR o."zone_code" IS DISTINCT FROM n."zone_code";
  IF moved IS NULL THEN RETURN NULL; END IF;
  PERFORM "registry_place_counts_add"(array_agg(d), array_agg(z), array_agg(k)) FROM (
    SELECT "district_code" AS d, coalesce("zone_code", '') AS z, -1 AS k FROM old_rows WHERE "id" IN (SELECT unnest(moved))
    UNION ALL SELECT "district_code", coalesce("zone_code", ''), 1 FROM new_rows WHERE "id" IN (SELECT unnest(moved))) x;
  PERFORM "title_holdings_refresh"(moved);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "registry_tallies_on_title_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "title_holdings_refresh"(array(SELECT DISTINCT "enterprise_id" FROM new_rows));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "registry_tallies_on_title_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "title_holdings_refresh"(array(SELECT "enterprise_id" FROM new_rows UNION SELECT "enterprise_id" FROM old_rows));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "registry_tallies_on_title_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "title_holdings_refresh"(array(SELECT DISTINCT "enterprise_id" FROM old_rows));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "enterprises_tallies_insert" AFTER INSERT ON "enterprises" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "registry_tallies_on_enterprise_insert"();--> statement-breakpoint
CREATE TRIGGER "enterprises_tallies_update" AFTER UPDATE ON "enterprises" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "registry_tallies_on_enterprise_update"();--> statement-breakpoint
CREATE TRIGGER "enterprises_tallies_delete" AFTER DELETE ON "enterprises" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "registry_tallies_on_enterprise_delete"();--> statement-breakpoint
CREATE TRIGGER "enterprise_titles_tallies_insert" AFTER INSERT ON "enterprise_titles" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "registry_tallies_on_title_insert"();--> statement-breakpoint
CREATE TRIGGER "enterprise_titles_tallies_update" AFTER UPDATE ON "enterprise_titles" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "registry_tallies_on_title_update"();--> statement-breakpoint
CREATE TRIGGER "enterprise_titles_tallies_delete" AFTER DELETE ON "enterprise_titles" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "registry_tallies_on_title_delete"();--> statement-breakpoint
-- The rows already there (an upgraded database).
SELECT "registry_place_counts_add"(array_agg(d), array_agg(z), array_agg(n))
  FROM (SELECT "district_code" AS d, coalesce("zone_code", '') AS z, count(*)::int AS n FROM "enterprises" GROUP BY 1, 2) x;--> statement-breakpoint
SELECT "title_holdings_refresh"(array(SELECT DISTINCT "enterprise_id" FROM "enterprise_titles"));
