-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CHECKED_IN', 'NO_SHOW', 'CANCELLED');

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "appointmentBlockMinutes" INTEGER NOT NULL DEFAULT 150;

-- AlterTable
ALTER TABLE "TreatmentSession" ADD COLUMN     "appointmentId" TEXT;

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "chairId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "monitoringNurseId" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "localDate" DATE NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'BOOKED',
    "statusReason" TEXT,
    "statusChangedAt" TIMESTAMPTZ(3),
    "acknowledgedWarnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "bookedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorAuthorization" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "payerName" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "phases" JSONB NOT NULL,
    "sessionsApproved" INTEGER NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PriorAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Appointment_siteId_startsAt_idx" ON "Appointment"("siteId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_chairId_startsAt_idx" ON "Appointment"("chairId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_patientId_localDate_idx" ON "Appointment"("patientId", "localDate");

-- CreateIndex
CREATE INDEX "PriorAuthorization_patientId_endDate_idx" ON "PriorAuthorization"("patientId", "endDate");

-- CreateIndex
CREATE INDEX "PriorAuthorization_siteId_endDate_idx" ON "PriorAuthorization"("siteId", "endDate");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentSession_appointmentId_key" ON "TreatmentSession"("appointmentId");

-- AddForeignKey
ALTER TABLE "TreatmentSession" ADD CONSTRAINT "TreatmentSession_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "Chair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_monitoringNurseId_fkey" FOREIGN KEY ("monitoringNurseId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorAuthorization" ADD CONSTRAINT "PriorAuthorization_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorAuthorization" ADD CONSTRAINT "PriorAuthorization_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorAuthorization" ADD CONSTRAINT "PriorAuthorization_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- R50 for the schedule (hand-written; schema.prisma has plain @@index lines): a chair's start time holds one
-- live appointment, and a patient has one live appointment per site-local day (R23). Cancelled and missed
-- appointments free the slot.
CREATE UNIQUE INDEX "Appointment_one_per_chair_slot" ON "Appointment"("chairId", "startsAt")
  WHERE "status" IN ('BOOKED', 'CHECKED_IN');
CREATE UNIQUE INDEX "Appointment_one_per_patient_day" ON "Appointment"("patientId", "localDate")
  WHERE "status" IN ('BOOKED', 'CHECKED_IN');
