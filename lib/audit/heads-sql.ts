// The audit trail's size and the head of every hash chain (issue 14 §2: one chain per site, and "global"), as one
// SQL statement for the backup and restore scripts and their test fixture (plain pg clients, no Prisma).
// `head` is "<chainKey>=<hash>" per chain, space-separated in key order, read from the rows themselves (a loose
// index scan of (chainKey, id)), not from AuditChainHead; null when the trail is empty.
export const AUDIT_ROWS_AND_HEADS_SQL = `WITH RECURSIVE k AS (
    SELECT min("chainKey") AS key FROM "AuditEvent"
    UNION ALL SELECT (SELECT min("chainKey") FROM "AuditEvent" WHERE "chainKey" > k.key) FROM k WHERE k.key IS NOT NULL)
  SELECT (SELECT count(*) FROM "AuditEvent")::text AS rows,
    (SELECT string_agg(k.key || '=' || (SELECT e.hash FROM "AuditEvent" e WHERE e."chainKey" = k.key ORDER BY e.id DESC LIMIT 1), ' ' ORDER BY k.key)
      FROM k WHERE k.key IS NOT NULL) AS head`;
