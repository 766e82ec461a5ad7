-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainKey" TEXT NOT NULL DEFAULT 'global';

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chainKey" TEXT NOT NULL,
    "auditId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chainKey")
);

-- CreateIndex
CREATE INDEX "AuditEvent_chainKey_id_idx" ON "AuditEvent"("chainKey", "id");

-- Hand-written: the rows so far are one chain, "global"; its head is the newest row. New rows of a site
-- start that site's chain from the genesis hash (lib/audit/data.ts).
INSERT INTO "AuditChainHead" ("chainKey", "auditId", "hash")
SELECT 'global', id, hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
