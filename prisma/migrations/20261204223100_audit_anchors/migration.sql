-- CreateTable
CREATE TABLE "AuditAnchor" (
    "id" BIGSERIAL NOT NULL,
    "chainKey" TEXT NOT NULL,
    "auditId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "anchoredAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditAnchor_chainKey_id_idx" ON "AuditAnchor"("chainKey", "id");

-- Anchors are append-only like the audit trail itself (hand-written): the database refuses UPDATE,
-- DELETE and TRUNCATE, and the app role keeps only INSERT and SELECT on the table.
CREATE TRIGGER "AuditAnchor_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditAnchor"
  FOR EACH ROW EXECUTE FUNCTION signoff_append_only(); -- "<table> is append-only: <op> refused"
CREATE TRIGGER "AuditAnchor_no_truncate" BEFORE TRUNCATE ON "AuditAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION signoff_append_only(); -- "<table> is append-only: <op> refused"
SELECT restrict_append_only_tables();
