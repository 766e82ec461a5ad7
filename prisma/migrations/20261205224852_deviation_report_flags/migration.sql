-- AlterTable
ALTER TABLE "TreatmentSession" ADD COLUMN     "dosed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hasDeviationRecords" BOOLEAN NOT NULL DEFAULT false;

-- The two flags, recomputed from the session's rows: dosed = a device administration not entered in error;
-- hasDeviationRecords = a ProtocolDeviation, ClinicalDecision or WarningAcknowledgement row. The deviation report
-- then reads a page's sessions from TreatmentSession alone, instead of four index probes per session it goes past.
-- A session row changes only when a flag does (the commands that add these rows hold the session's lock already).
CREATE FUNCTION deviation_report_flags_refresh(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "TreatmentSession" s SET "dosed" = f.dosed, "hasDeviationRecords" = f.records
  FROM (SELECT DISTINCT id FROM unnest(ids) AS i(id)) i
  CROSS JOIN LATERAL (SELECT
      EXISTS (SELECT 1 FROM "DeviceAdministration" d WHERE d."sessionId" = i.id AND d."enteredInErrorAt" IS NULL) AS dosed,
      (EXISTS (SELECT 1 FROM "ProtocolDeviation" x WHERE x."sessionId" = i.id)
        OR EXISTS (SELECT 1 FROM "ClinicalDecision" x WHERE x."sessionId" = i.id)
        OR EXISTS (SELECT 1 FROM "WarningAcknowledgement" x WHERE x."sessionId" = i.id)) AS records) f
  WHERE s.id = i.id AND (s."dosed", s."hasDeviationRecords") IS DISTINCT FROM (f.dosed, f.records);
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
