// The two database roles (issue 12 §5): the OWNER owns the schema and runs migrations and the seed;
// the APP role, which the running app connects as, may only read and write rows. It cannot ALTER a
// table, disable a trigger or TRUNCATE, and on the append-only tables (the audit trail, its anchors,
// signatures and amendments) it has INSERT and SELECT only.
// Used by scripts/with-db.ts for the embedded server; the README's "Go live" section has the same
// statements for any PostgreSQL 15+. No "server-only": scripts and tests import it.

export const EMBEDDED_OWNER_ROLE = "tracker_owner";
export const EMBEDDED_APP_ROLE = "tracker_app";

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain role name: ${name}`);
  return name;
};

/**
 * Grants for the app role in the current database, run as the owner role (it owns the tables, so its
 * grants count, and default privileges apply to the tables it creates in later migrations).
 * Idempotent and order-independent: run before the first migration, after the last, or both.
 */
export function appRoleGrantsSql(appRole: string): string {
  const app = ident(appRole);
  return `
GRANT USAGE ON SCHEMA public TO ${app};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
DO $$ BEGIN
  -- The migration that defines it takes UPDATE, DELETE and TRUNCATE back on the append-only tables.
  IF to_regprocedure('restrict_append_only_tables()') IS NOT NULL THEN PERFORM restrict_append_only_tables(); END IF;
  -- The one that defines it lets whoever may write audit rows queue them for their chain (audit_commit.pending).
  IF to_regprocedure('audit_commit.grant_to_audit_writers()') IS NOT NULL THEN PERFORM audit_commit.grant_to_audit_writers(); END IF;
END $$;`;
}

/** Replaces user and password of a postgresql:// URL (the embedded server's URLs differ only in the role). */
export function withRole(url: string, role: string, password = role): string {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}
