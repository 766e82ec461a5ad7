-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "recertificationBlocksDosing" BOOLEAN NOT NULL DEFAULT false;
