-- CreateEnum
CREATE TYPE "HepaticImpairment" AS ENUM ('NONE', 'MODERATE', 'SEVERE');

-- AlterTable
ALTER TABLE "ConcomitantMedication" ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "hepaticImpairment" "HepaticImpairment" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "hepaticImpairmentRecordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "hepaticImpairmentRecordedById" TEXT;

-- Hand-written (Prisma does not model CHECK constraints): a medicine is never stopped before it started.
ALTER TABLE "ConcomitantMedication" ADD CONSTRAINT "ConcomitantMedication_stop_not_before_start"
  CHECK ("stoppedOn" IS NULL OR "startedOn" IS NULL OR "stoppedOn" >= "startedOn");
