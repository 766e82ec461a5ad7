-- Audit rows are appended to their hash chain as their transaction commits, by PostgreSQL (issue 14 §2).
-- appendAudit inserts the row into AuditPending; the deferred constraint trigger below runs at COMMIT, locks the
-- chain's head, appends the row to AuditEvent hashed over the head, moves the head and deletes the pending row.
-- Before, the app ran that append as its transaction's last statement and then sent COMMIT: the site's head stayed
-- locked across a round trip to the app server, so a busy event loop, a garbage collection or a stalled server made
-- every writer of that site wait. Now the lock is held from the trigger to the end of COMMIT, inside PostgreSQL.
-- Unchanged: the hash (sha256 of prevHash, a newline and the canonical body built by the app), ids in chain order
-- within a chain (ids are drawn under the lock), rows committing in chain order (the lock is held to the end of
-- COMMIT), verification, anchors, and the append order of one transaction's rows (deferred triggers fire in order).
-- UNLOGGED: a pending row lives only inside its transaction (inserted, then deleted at its COMMIT), so it needs no
-- WAL and is never in a backup or on a replica; a crash rolls its transaction back anyway.

-- CreateTable
CREATE UNLOGGED TABLE "AuditPending" (
    "id" BIGSERIAL NOT NULL,
    "chainKey" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "siteId" TEXT,
    "patientId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "requestId" TEXT,

    CONSTRAINT "AuditPending_pkey" PRIMARY KEY ("id")
);

-- Many short-lived rows: vacuum it often so its pages are reused.
ALTER TABLE "AuditPending" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

CREATE FUNCTION audit_chain_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE appended INT;
BEGIN
  FOR attempt IN 1 .. 2 LOOP
    WITH head AS (SELECT "hash" FROM "AuditChainHead" WHERE "chainKey" = NEW."chainKey" FOR UPDATE),
    row AS (
      INSERT INTO "AuditEvent" ("at", "actorId", "actorEmail", "actorRole", "action", "entityType", "entityId", "siteId", "patientId",
        "before", "after", "reason", "requestId", "prevHash", "hash", "chainKey")
      SELECT NEW."at", NEW."actorId", NEW."actorEmail", NEW."actorRole", NEW."action", NEW."entityType", NEW."entityId", NEW."siteId",
        NEW."patientId", NEW."before", NEW."after", NEW."reason", NEW."requestId",
        head."hash", encode(sha256(convert_to(head."hash" || E'\n' || NEW."body", 'UTF8')), 'hex'), NEW."chainKey"
      FROM head
      RETURNING "id", "hash")
    UPDATE "AuditChainHead" h SET "auditId" = row."id", "hash" = row."hash" FROM row WHERE h."chainKey" = NEW."chainKey";
    GET DIAGNOSTICS appended = ROW_COUNT;
    EXIT WHEN appended > 0;
    -- A chain's first row (a new site): concurrent first writers meet on the primary key, the losers then wait for the lock.
    INSERT INTO "AuditChainHead" ("chainKey", "auditId", "hash") VALUES (NEW."chainKey", 0, repeat('0', 64)) ON CONFLICT ("chainKey") DO NOTHING;
  END LOOP;
  IF appended = 0 THEN
    RAISE EXCEPTION 'audit chain %: head not found', NEW."chainKey";
  END IF;
  DELETE FROM "AuditPending" WHERE "id" = NEW."id";
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_chain_at_commit AFTER INSERT ON "AuditPending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_at_commit();
