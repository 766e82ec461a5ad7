-- DropIndex
DROP INDEX "AdverseEvent_idempotencyKey_key";

-- DropIndex
DROP INDEX "ClinicalDecision_idempotencyKey_key";

-- DropIndex
DROP INDEX "DeviceAdministration_idempotencyKey_key";

-- DropIndex
DROP INDEX "DissociationAssessment_idempotencyKey_key";

-- DropIndex
DROP INDEX "ObservationVital_idempotencyKey_key";

-- DropIndex
DROP INDEX "SedationAssessment_idempotencyKey_key";

-- DropIndex
DROP INDEX "TreatmentSession_idempotencyKey_key";

-- AlterTable
ALTER TABLE "AdverseEvent" DROP COLUMN "idempotencyKey";

-- AlterTable
ALTER TABLE "ClinicalDecision" DROP COLUMN "idempotencyKey";

-- AlterTable
ALTER TABLE "DeviceAdministration" DROP COLUMN "idempotencyKey";

-- AlterTable
ALTER TABLE "DissociationAssessment" DROP COLUMN "idempotencyKey";

-- AlterTable
ALTER TABLE "ObservationVital" DROP COLUMN "idempotencyKey";

-- AlterTable
ALTER TABLE "SedationAssessment" DROP COLUMN "idempotencyKey";

-- AlterTable
ALTER TABLE "TreatmentSession" DROP COLUMN "idempotencyKey";

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_userId_route_key_key" ON "IdempotencyRecord"("userId", "route", "key");

-- R50, hand-written (Prisma cannot express partial indexes): the database, not a pre-check, guarantees
-- one open session per chair and one dosing session per patient per site-local day (R23).
CREATE UNIQUE INDEX "TreatmentSession_one_open_per_chair" ON "TreatmentSession"("chairId")
  WHERE "status" IN ('CHECKED_IN', 'DOSING', 'MONITORING');
CREATE UNIQUE INDEX "TreatmentSession_one_per_patient_day" ON "TreatmentSession"("patientId", "treatmentDate")
  WHERE "status" NOT IN ('CANCELLED', 'RESCHEDULED', 'NOT_DOSED');
