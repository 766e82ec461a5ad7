-- Issue 14 §4: a site's PMF worklist reads that site's forms by index, and a user of many sites pages through
-- patients in name order without sorting them all.

-- A form carries its session's site; the foreign key on (sessionId, siteId) keeps the two equal.
CREATE UNIQUE INDEX "TreatmentSession_id_siteId_key" ON "TreatmentSession"("id", "siteId");
ALTER TABLE "PatientMonitoringForm" ADD COLUMN "siteId" TEXT;
UPDATE "PatientMonitoringForm" f SET "siteId" = s."siteId" FROM "TreatmentSession" s WHERE s.id = f."sessionId";
ALTER TABLE "PatientMonitoringForm" ALTER COLUMN "siteId" SET NOT NULL;
ALTER TABLE "PatientMonitoringForm" DROP CONSTRAINT "PatientMonitoringForm_sessionId_fkey";
ALTER TABLE "PatientMonitoringForm" ADD CONSTRAINT "PatientMonitoringForm_sessionId_siteId_fkey" FOREIGN KEY ("sessionId", "siteId") REFERENCES "TreatmentSession"("id", "siteId") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PatientMonitoringForm_siteId_status_dueDate_id_idx" ON "PatientMonitoringForm"("siteId", "status", "dueDate", "id");

CREATE INDEX "Patient_lastName_firstName_id_idx" ON "Patient"("lastName", "firstName", "id");

-- The chair board reads the open adverse events of its sessions.
CREATE INDEX "AdverseEvent_sessionId_idx" ON "AdverseEvent"("sessionId");
