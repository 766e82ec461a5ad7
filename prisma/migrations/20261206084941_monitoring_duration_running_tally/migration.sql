-- CreateTable
CREATE TABLE "MonitoringDurationRunningTally" (
    "siteId" TEXT NOT NULL,
    "treatmentDate" DATE NOT NULL,
    "counts" JSONB NOT NULL,

    CONSTRAINT "MonitoringDurationRunningTally_pkey" PRIMARY KEY ("siteId","treatmentDate")
);

-- The site's running tally from `since` on, rebuilt from MonitoringDuration: the last row before `since`, plus the
-- counts of each later date with rows, cumulated per key. A discharge today rebuilds one row; a change to an old
-- session rebuilds the site's rows from its date on. The caller holds the site's lock (monitoring_duration_tally_sync).
CREATE FUNCTION monitoring_duration_tally_rebuild(site TEXT, since DATE) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "MonitoringDurationRunningTally" WHERE "siteId" = site AND "treatmentDate" >= since;
  INSERT INTO "MonitoringDurationRunningTally" ("siteId", "treatmentDate", counts)
  WITH base AS (
    SELECT e.key, e.value::int AS n
    FROM "MonitoringDurationRunningTally" p CROSS JOIN LATERAL jsonb_each_text(p.counts) AS e
    WHERE p."siteId" = site AND p."treatmentDate" = (
      SELECT max(q."treatmentDate") FROM "MonitoringDurationRunningTally" q WHERE q."siteId" = site AND q."treatmentDate" < since)
  ), days AS (
    SELECT m."treatmentDate" AS day, k.key, count(*)::int AS n
    FROM "MonitoringDuration" m CROSS JOIN LATERAL (VALUES ('t' || m."totalMinutes"), ('r' || m."readyToLeaveMinutes")) AS k(key)
    WHERE m."siteId" = site AND m."treatmentDate" >= since AND k.key IS NOT NULL
    GROUP BY 1, 2
  ), grid AS (
    SELECT d.day, k.key, coalesce(b.n, 0) + sum(coalesce(x.n, 0)) OVER (PARTITION BY k.key ORDER BY d.day) AS n
    FROM (SELECT DISTINCT day FROM days) d
    CROSS JOIN (SELECT key FROM base UNION SELECT key FROM days) k
    LEFT JOIN days x ON x.day = d.day AND x.key = k.key
    LEFT JOIN base b ON b.key = k.key
  )
  SELECT site, day, coalesce(jsonb_object_agg(key, n) FILTER (WHERE n > 0), '{}'::jsonb) FROM grid GROUP BY day;
$$;

-- For each site among `sites`, from the earliest of its `dates`: one transaction at a time per site (an advisory lock
-- held to COMMIT, taken in site order), so that a rebuild reads every MonitoringDuration row committed before it and
-- the rows it rebuilds are not rebuilt concurrently from an older picture (R50: the invariant is kept in the database).
CREATE FUNCTION monitoring_duration_tally_sync(sites TEXT[], dates DATE[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE r RECORD;
BEGIN
  FOR r IN SELECT c.site, min(c.day) AS since FROM unnest(sites, dates) AS c(site, day) GROUP BY c.site ORDER BY c.site LOOP
    PERFORM pg_advisory_xact_lock(hashtext('MonitoringDurationRunningTally'), hashtext(r.site));
    PERFORM monitoring_duration_tally_rebuild(r.site, r.since);
  END LOOP;
END $$;

CREATE FUNCTION monitoring_duration_tally_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM monitoring_duration_tally_sync(ARRAY(SELECT "siteId" FROM new_rows), ARRAY(SELECT "treatmentDate" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM monitoring_duration_tally_sync(ARRAY(SELECT "siteId" FROM old_rows), ARRAY(SELECT "treatmentDate" FROM old_rows));
  ELSE
    PERFORM monitoring_duration_tally_sync(
      ARRAY(SELECT "siteId" FROM old_rows UNION ALL SELECT "siteId" FROM new_rows),
      ARRAY(SELECT "treatmentDate" FROM old_rows UNION ALL SELECT "treatmentDate" FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

-- Once per statement (monitoring_duration_refresh deletes and inserts a session's row; a bulk load is one rebuild per site).
CREATE TRIGGER monitoring_duration_tally_insert AFTER INSERT ON "MonitoringDuration"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_tally_follow();
CREATE TRIGGER monitoring_duration_tally_update AFTER UPDATE ON "MonitoringDuration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_tally_follow();
CREATE TRIGGER monitoring_duration_tally_delete AFTER DELETE ON "MonitoringDuration"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_tally_follow();

-- Backfill every site's rows by the same function.
SELECT monitoring_duration_tally_sync(ARRAY(SELECT "siteId" FROM "MonitoringDuration"), ARRAY(SELECT "treatmentDate" FROM "MonitoringDuration"));
