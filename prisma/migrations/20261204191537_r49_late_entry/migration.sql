-- AlterTable
ALTER TABLE "AdverseEvent" ADD COLUMN     "lateEntryReason" TEXT;

-- AlterTable
ALTER TABLE "DeviceAdministration" ADD COLUMN     "lateEntryReason" TEXT;

-- AlterTable
ALTER TABLE "DissociationAssessment" ADD COLUMN     "lateEntryReason" TEXT;

-- AlterTable
ALTER TABLE "ObservationVital" ADD COLUMN     "lateEntryReason" TEXT;

-- AlterTable
ALTER TABLE "SedationAssessment" ADD COLUMN     "lateEntryReason" TEXT;

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "lateEntryMinutes" INTEGER NOT NULL DEFAULT 10;
