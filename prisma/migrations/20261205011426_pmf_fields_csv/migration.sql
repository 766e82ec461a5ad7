-- AlterTable
ALTER TABLE "PatientMonitoringForm" ADD COLUMN     "fieldsCsv" TEXT;
