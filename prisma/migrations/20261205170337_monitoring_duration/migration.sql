-- CreateTable
CREATE TABLE "MonitoringDuration" (
    "sessionId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "treatmentDate" DATE NOT NULL,
    "totalMinutes" INTEGER NOT NULL,
    "readyToLeaveMinutes" INTEGER,

    CONSTRAINT "MonitoringDuration_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "MonitoringDuration_treatmentDate_siteId_totalMinutes_readyT_idx" ON "MonitoringDuration"("treatmentDate", "siteId", "totalMinutes", "readyToLeaveMinutes");

-- CreateIndex
CREATE INDEX "TreatmentSession_treatmentDate_id_idx" ON "TreatmentSession"("treatmentDate", "id");

-- AddForeignKey
ALTER TABLE "MonitoringDuration" ADD CONSTRAINT "MonitoringDuration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The sessions' rows, recomputed from each session, its live devices and its discharge decision (R33: whole minutes
-- from the first live device to the end of monitoring, as wholeMinutes(firstDeviceAt(devices), end) in lib/);
-- none for a session not discharged, without a live device or without a treatment date.
CREATE FUNCTION monitoring_duration_refresh(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  -- unnest, not = ANY(ids): a bulk statement's thousands of ids are joined, not searched in a list per row. The live
  -- devices are filtered after the session's index probe, so the planner never reads the partial index of every
  -- live device (it did, on a bulk load without statistics: a full index read per session).
  DELETE FROM "MonitoringDuration" m USING unnest(ids) AS i(id) WHERE m."sessionId" = i.id;
  INSERT INTO "MonitoringDuration"("sessionId", "siteId", "treatmentDate", "totalMinutes", "readyToLeaveMinutes")
  SELECT s.id, s."siteId", s."treatmentDate", floor(extract(epoch FROM s."endOfMonitoringAt" - t.t0) / 60)::int, dd."readyToLeaveMinutes"
  FROM (SELECT DISTINCT id FROM unnest(ids) AS i(id)) i
  JOIN "TreatmentSession" s ON s.id = i.id
  JOIN LATERAL (SELECT min(d."administeredAt") FILTER (WHERE d."enteredInErrorAt" IS NULL) AS t0 FROM "DeviceAdministration" d WHERE d."sessionId" = s.id) t ON t.t0 IS NOT NULL
  LEFT JOIN "DischargeDecision" dd ON dd."sessionId" = s.id
  WHERE s.status = 'DISCHARGED' AND s."endOfMonitoringAt" IS NOT NULL AND s."treatmentDate" IS NOT NULL;
$$;

CREATE FUNCTION monitoring_duration_follow_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM monitoring_duration_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

-- Once per statement, over the sessions of the rows it changed (a bulk load is one refresh, not one per row).
CREATE FUNCTION monitoring_duration_follow_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM monitoring_duration_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM monitoring_duration_refresh(ARRAY(SELECT DISTINCT "sessionId" FROM old_rows));
  ELSE
    PERFORM monitoring_duration_refresh(ARRAY(SELECT "sessionId" FROM old_rows UNION SELECT "sessionId" FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER monitoring_duration_session AFTER UPDATE OF status, "endOfMonitoringAt", "treatmentDate", "siteId" ON "TreatmentSession"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."endOfMonitoringAt" IS DISTINCT FROM NEW."endOfMonitoringAt"
    OR OLD."treatmentDate" IS DISTINCT FROM NEW."treatmentDate" OR OLD."siteId" IS DISTINCT FROM NEW."siteId")
  EXECUTE FUNCTION monitoring_duration_follow_session();
CREATE TRIGGER monitoring_duration_device_insert AFTER INSERT ON "DeviceAdministration"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_follow_rows();
CREATE TRIGGER monitoring_duration_device_update AFTER UPDATE ON "DeviceAdministration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_follow_rows();
CREATE TRIGGER monitoring_duration_device_delete AFTER DELETE ON "DeviceAdministration"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_follow_rows();
CREATE TRIGGER monitoring_duration_discharge_insert AFTER INSERT ON "DischargeDecision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_follow_rows();
CREATE TRIGGER monitoring_duration_discharge_update AFTER UPDATE ON "DischargeDecision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_follow_rows();
CREATE TRIGGER monitoring_duration_discharge_delete AFTER DELETE ON "DischargeDecision"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION monitoring_duration_follow_rows();

-- Backfill the sessions discharged before this migration, by the same function as the triggers.
DO $$ BEGIN
  PERFORM monitoring_duration_refresh(ARRAY(SELECT id FROM "TreatmentSession" WHERE status = 'DISCHARGED'));
END $$;
