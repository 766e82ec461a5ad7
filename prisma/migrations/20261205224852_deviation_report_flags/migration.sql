-- AlterTable
ALTER TABLE "TreatmentSession" ADD COLUMN     "dosed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hasDeviationRecords" BOOLEAN NOT NULL DEFAULT false;

-- The two flags, recomputed from the session's rows: dosed = a device administration not entered in error;
-- hasDeviationRecords = a ProtocolDeviation, ClinicalDecision or WarningAcknowledgement row. The deviation report
-- then reads a page's sessions from TreatmentSession alone, instead of four index probes per session it goes past.
-- A session row changes only when a flag does (the commands that add these rows hold the session's lock already).
CREATE FUNCTION deviation_report_flags_refresh(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  -- The live devices are told apart after the session's index probe (HAVING, not WHERE), so the planner never reads
  -- the partial index of every live device once per session (it did on a bulk load: hours for 100 000 sessions),
  -- as in monitoring_duration_refresh.
  WITH i AS (SELECT DISTINCT id FROM unnest(ids) AS i(id)),
  live AS (SELECT d."sessionId" AS id FROM "DeviceAdministration" d JOIN i ON i.id = d."sessionId" GROUP BY d."sessionId" HAVING bool_or(d."enteredInErrorAt" IS NULL)),
  records AS (
    SELECT x."sessionId" AS id FROM "ProtocolDeviation" x JOIN i ON i.id = x."sessionId"
    UNION SELECT x."sessionId" FROM "ClinicalDecision" x JOIN i ON i.id = x."sessionId"
    UNION SELECT x."sessionId" FROM "WarningAcknowledgement" x JOIN i ON i.id = x."sessionId")
  UPDATE "TreatmentSession" s SET "dosed" = f.dosed, "hasDeviationRecords" = f.records
  FROM (SELECT i.id, live.id IS NOT NULL AS dosed, records.id IS NOT NULL AS records
        FROM i LEFT JOIN live ON live.id = i.id LEFT JOIN records ON records.id = i.id) f
  WHERE s.id = f.id AND (s."dosed", s."hasDeviationRecords") IS DISTINCT FROM (f.dosed, f.records);
$$;

-- Once per statement, over the sessions of the rows it changed.
CREATE FUNCTION deviation_report_flags_follow_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM deviation_report_flags_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM deviation_report_flags_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM old_rows));
  ELSE
    PERFORM deviation_report_flags_refresh(ARRAY(SELECT "sessionId" FROM old_rows UNION SELECT "sessionId" FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['DeviceAdministration', 'ProtocolDeviation', 'ClinicalDecision', 'WarningAcknowledgement'] LOOP
    EXECUTE format('CREATE TRIGGER deviation_report_flags_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deviation_report_flags_follow_rows()', t);
    EXECUTE format('CREATE TRIGGER deviation_report_flags_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deviation_report_flags_follow_rows()', t);
    EXECUTE format('CREATE TRIGGER deviation_report_flags_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deviation_report_flags_follow_rows()', t);
  END LOOP;
END $$;

-- Backfill the sessions that have any of these rows, by the same function as the triggers.
DO $$ BEGIN
  PERFORM deviation_report_flags_refresh(ARRAY(
    SELECT "sessionId" FROM "DeviceAdministration" UNION SELECT "sessionId" FROM "ProtocolDeviation"
    UNION SELECT "sessionId" FROM "ClinicalDecision" UNION SELECT "sessionId" FROM "WarningAcknowledgement"));
END $$;
