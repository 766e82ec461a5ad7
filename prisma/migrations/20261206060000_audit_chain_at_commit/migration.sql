-- Audit rows are appended to their hash chain as their transaction commits, by PostgreSQL (issue 14 §2).
-- appendAudit inserts the row into audit_commit.pending; the deferred constraint trigger below runs at COMMIT, locks
-- the chain's head, appends the row to AuditEvent hashed over the head, moves the head and deletes the pending row.
-- Before, the app ran that append as its transaction's last statement and then sent COMMIT: the site's head stayed
-- locked across a round trip to the app server, so a busy event loop, a garbage collection or a stalled server made
-- every writer of that site wait. Now the lock is held from the trigger to the end of COMMIT, inside PostgreSQL.
-- Unchanged: the hash (sha256 of prevHash, a newline and the canonical body built by the app), ids in chain order
-- within a chain (ids are drawn under the lock), rows committing in chain order (the lock is held to the end of
-- COMMIT), verification, anchors, and the append order of one transaction's rows (deferred triggers fire in order).
--
-- A schema of its own, with no Prisma model: Prisma 6.19's schema engine (migrate diff, the CI's drift check) crashes
-- when it introspects a constraint trigger in the schema it manages, and a deferred trigger has to be one.
-- UNLOGGED: a pending row lives only inside its transaction (inserted, then deleted at its COMMIT), so it needs no
-- WAL and is never in a backup or on a replica; a crash rolls its transaction back anyway.

CREATE SCHEMA audit_commit;

CREATE UNLOGGED TABLE audit_commit.pending (
    "id" BIGSERIAL PRIMARY KEY,
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
    "requestId" TEXT
);

-- Many short-lived rows: vacuum it often so its pages are reused.
ALTER TABLE audit_commit.pending SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

-- Runs as the committing role (which may write AuditEvent and AuditChainHead, as it did before), with the search path
-- of this migration, where those tables are.
CREATE FUNCTION audit_commit.append_to_chain() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
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
  DELETE FROM audit_commit.pending WHERE "id" = NEW."id";
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER append_to_chain AFTER INSERT ON audit_commit.pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_commit.append_to_chain();

-- Whoever may write audit rows may write pending ones: every role holding INSERT on AuditEvent (the app role) gets the
-- schema, the table and its sequence. Role names are not written here; the app role's grant script calls this again
-- (lib/db/roles.ts, README "Go live"), so the grants hold whichever runs first.
CREATE FUNCTION audit_commit.grant_to_audit_writers() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT DISTINCT quote_ident(pg_get_userbyid(a.grantee)) AS role
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid = to_regclass('"AuditEvent"') AND a.privilege_type = 'INSERT' AND a.grantee NOT IN (0, c.relowner)
  LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA audit_commit TO %s', r.role);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON audit_commit.pending TO %s', r.role);
    EXECUTE format('GRANT USAGE ON SEQUENCE audit_commit.pending_id_seq TO %s', r.role);
  END LOOP;
END $$;
REVOKE EXECUTE ON FUNCTION audit_commit.grant_to_audit_writers() FROM PUBLIC;

SELECT audit_commit.grant_to_audit_writers();
