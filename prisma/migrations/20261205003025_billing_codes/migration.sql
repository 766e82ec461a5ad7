-- CreateEnum
CREATE TYPE "PayerType" AS ENUM ('MEDICARE', 'MEDICAID', 'COMMERCIAL', 'SELF_PAY', 'OTHER');

-- CreateEnum
CREATE TYPE "BillingCodeKind" AS ENUM ('SERVICE', 'DRUG');

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "primaryPayerType" "PayerType";

-- CreateTable
CREATE TABLE "BillingCode" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "BillingCodeKind" NOT NULL,
    "payerTypes" "PayerType"[],
    "minDoseMg" INTEGER,
    "maxDoseMg" INTEGER,
    "unitMg" INTEGER,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "notWith" TEXT[],
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "BillingCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BillingCode_effectiveFrom_idx" ON "BillingCode"("effectiveFrom");

-- The starting table (configuration to confirm with the clinic's billing office). Medicare: G2082 / G2083 by dose,
-- which include the 2-hour observation and are not billed with prolonged-service codes. Other payers: the drug in
-- 1 mg units, S0013 until 2025-12-31 and J0013 from 2026-01-01.
INSERT INTO "BillingCode" ("id", "code", "description", "kind", "payerTypes", "minDoseMg", "maxDoseMg", "unitMg", "effectiveFrom", "effectiveTo", "notWith", "note") VALUES
  ('billing-g2082', 'G2082', 'Esketamine nasal self-administration up to 56 mg, with 2 hours of post-administration observation', 'SERVICE', '{MEDICARE}', NULL, 56, NULL, '2019-01-01', NULL, '{99415,99416,99417,G2212}', 'Includes the observation: do not add prolonged-service codes.'),
  ('billing-g2083', 'G2083', 'Esketamine nasal self-administration over 56 mg, with 2 hours of post-administration observation', 'SERVICE', '{MEDICARE}', 57, NULL, NULL, '2019-01-01', NULL, '{99415,99416,99417,G2212}', 'Includes the observation: do not add prolonged-service codes.'),
  ('billing-s0013', 'S0013', 'Esketamine, nasal spray, 1 mg', 'DRUG', '{MEDICAID,COMMERCIAL,OTHER}', NULL, NULL, 1, '2019-03-05', '2025-12-31', '{}', NULL),
  ('billing-j0013', 'J0013', 'Esketamine, nasal spray, 1 mg', 'DRUG', '{MEDICAID,COMMERCIAL,OTHER}', NULL, NULL, 1, '2026-01-01', NULL, '{}', NULL);
