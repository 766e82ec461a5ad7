-- AlterTable
ALTER TABLE "RemsEnrollment" ADD COLUMN     "correctionReason" TEXT,
ADD COLUMN     "recordedById" TEXT,
ADD COLUMN     "supersedesId" TEXT;

-- Existing rows: a patient's earlier enrollments become the history of the newest one (each superseded by the next).
UPDATE "RemsEnrollment" e SET "supersedesId" = prev.id
FROM (SELECT id, lag(id) OVER (PARTITION BY "patientId" ORDER BY "createdAt", id) AS prev_id FROM "RemsEnrollment") ordered
JOIN "RemsEnrollment" prev ON prev.id = ordered.prev_id
WHERE e.id = ordered.id;

-- CreateIndex
CREATE UNIQUE INDEX "RemsEnrollment_supersedesId_key" ON "RemsEnrollment"("supersedesId");

-- AddForeignKey
ALTER TABLE "RemsEnrollment" ADD CONSTRAINT "RemsEnrollment_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "RemsEnrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemsEnrollment" ADD CONSTRAINT "RemsEnrollment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounsellingRecord" ADD CONSTRAINT "CounsellingRecord_counselledById_fkey" FOREIGN KEY ("counselledById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One chain per patient (hand-written: Prisma has no partial indexes): at most one enrollment that replaces
-- nothing, and (unique above) each enrollment replaced at most once.
CREATE UNIQUE INDEX "RemsEnrollment_one_first_per_patient" ON "RemsEnrollment"("patientId") WHERE "supersedesId" IS NULL;
