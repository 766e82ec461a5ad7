-- Least privilege (issue 12 §5). Migrations run as the owner role; the app connects as a role that only
-- reads and writes rows (README "Go live"; scripts/with-db.ts creates both for the embedded server).
-- Every table guarded by an append-only trigger (named "<table>_no_update_delete") keeps only INSERT and
-- SELECT for every role but its owner, so the app role can neither change nor remove a row, nor TRUNCATE,
-- nor (not being the owner) ALTER the table or DISABLE its trigger. Role names are not written here:
-- the function takes the privileges back from whichever roles hold them. Idempotent; a later migration
-- that adds an append-only table calls it again, and so does the app role's grant script.
CREATE FUNCTION restrict_append_only_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT DISTINCT c.oid::regclass AS tbl, a.grantee
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.relkind IN ('r', 'p')
      AND EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal AND t.tgname LIKE '%\_no\_update\_delete')
      AND a.grantee <> c.relowner
      AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %s FROM %s', r.tbl,
      CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r.grantee)) END);
  END LOOP;
END $$;
REVOKE EXECUTE ON FUNCTION restrict_append_only_tables() FROM PUBLIC;

SELECT restrict_append_only_tables();
