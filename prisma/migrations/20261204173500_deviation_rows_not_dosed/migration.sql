-- AlterEnum
ALTER TYPE "SessionStatus" ADD VALUE 'NOT_DOSED';

-- AlterTable
ALTER TABLE "ProtocolDeviation" ADD COLUMN     "entityId" TEXT,
ADD COLUMN     "entityType" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "recordedById" TEXT;

-- CreateIndex
CREATE INDEX "ProtocolDeviation_code_detectedAt_idx" ON "ProtocolDeviation"("code", "detectedAt");

-- AddForeignKey
ALTER TABLE "ProtocolDeviation" ADD CONSTRAINT "ProtocolDeviation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

