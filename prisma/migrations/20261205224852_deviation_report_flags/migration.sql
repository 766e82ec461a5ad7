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

-- One trigger function for every table whose rows feed a per-session table or flag: once per statement, over the
-- sessions of the rows it changed, it calls the refresh function named by the trigger's argument. The monitoring
-- duration's triggers move to it too (they had a copy of it, monitoring_duration_follow_rows).
CREATE FUNCTION refresh_sessions_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT "sessionId" FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT "sessionId" FROM old_rows);
  ELSE
    ids := ARRAY(SELECT "sessionId" FROM old_rows UNION SELECT "sessionId" FROM new_rows);
  END IF;
  EXECUTE format('SELECT %I($1)', TG_ARGV[0]) USING ids;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t TEXT;
  follows CONSTANT TEXT[][] := ARRAY[
    ['DeviceAdministration', 'deviation_report_flags', 'deviation_report_flags_refresh'],
    ['ProtocolDeviation', 'deviation_report_flags', 'deviation_report_flags_refresh'],
    ['ClinicalDecision', 'deviation_report_flags', 'deviation_report_flags_refresh'],
    ['WarningAcknowledgement', 'deviation_report_flags', 'deviation_report_flags_refresh'],
    ['DeviceAdministration', 'monitoring_duration_device', 'monitoring_duration_refresh'],
    ['DischargeDecision', 'monitoring_duration_discharge', 'monitoring_duration_refresh']];
  i INT;
BEGIN
  FOR i IN 1 .. array_length(follows, 1) LOOP
    t := follows[i][1];
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', follows[i][2] || '_insert', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', follows[i][2] || '_update', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', follows[i][2] || '_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_sessions_of_rows(%L)', follows[i][2] || '_insert', t, follows[i][3]);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_sessions_of_rows(%L)', follows[i][2] || '_update', t, follows[i][3]);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_sessions_of_rows(%L)', follows[i][2] || '_delete', t, follows[i][3]);
  END LOOP;
END $$;
DROP FUNCTION monitoring_duration_follow_rows();

-- Backfill the sessions that have any of these rows, by the same function as the triggers.
DO $$ BEGIN
  PERFORM deviation_report_flags_refresh(ARRAY(
    SELECT "sessionId" FROM "DeviceAdministration" UNION SELECT "sessionId" FROM "ProtocolDeviation"
    UNION SELECT "sessionId" FROM "ClinicalDecision" UNION SELECT "sessionId" FROM "WarningAcknowledgement"));
END $$;
