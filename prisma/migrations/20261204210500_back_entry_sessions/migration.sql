-- AlterTable
ALTER TABLE "TreatmentSession" ADD COLUMN     "backEntryReason" TEXT;

-- R49 + R50: a back-entered session is a record of a past visit, not a patient in the chair now, so it does
-- not hold its chair open (documenting yesterday's downtime must not block today's patient). It still counts
-- for one dosing session per patient per day.
DROP INDEX "TreatmentSession_one_open_per_chair";
CREATE UNIQUE INDEX "TreatmentSession_one_open_per_chair" ON "TreatmentSession"("chairId")
  WHERE "status" IN ('CHECKED_IN', 'DOSING', 'MONITORING') AND "backEntryReason" IS NULL;
