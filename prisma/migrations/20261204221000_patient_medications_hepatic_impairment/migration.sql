-- CreateEnum
CREATE TYPE "HepaticImpairment" AS ENUM ('NONE', 'MODERATE', 'SEVERE');

-- AlterTable
ALTER TABLE "ConcomitantMedication" ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "hepaticImpairment" "HepaticImpairment" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "hepaticImpairmentRecordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "hepaticImpairmentRecordedById" TEXT;

