-- CreateIndex
CREATE INDEX "AdverseEvent_onsetAt_id_idx" ON "AdverseEvent"("onsetAt", "id");

-- CreateIndex
CREATE INDEX "TreatmentSession_siteId_treatmentDate_id_idx" ON "TreatmentSession"("siteId", "treatmentDate", "id");

-- The PMF worklist (lib/pmf/worklist.ts): open forms first, then by due date, in either direction; a page
-- reads about its own rows through one of these whatever the number of forms. Expression indexes are not
-- expressible in schema.prisma (prisma migrate diff leaves them alone).
CREATE INDEX "PatientMonitoringForm_worklist_asc" ON "PatientMonitoringForm" (("status" = 'SUBMITTED'), "dueDate", "id");
CREATE INDEX "PatientMonitoringForm_worklist_desc" ON "PatientMonitoringForm" (("status" = 'SUBMITTED'), "dueDate" DESC, "id" DESC);
