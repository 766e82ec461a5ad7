-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "deactivatedAt" TIMESTAMPTZ(3);
