import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { listUsers } from "@/lib/users/data";
import { ROLE_LABELS } from "@/lib/users/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { formatInstant, StatusBadge } from "@/components/admin/badge";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const me = await authorizePage("user.manage");
  const [users, { created }] = await Promise.all([listUsers(me), searchParams]);
  const timeZone = me.sites[0]?.timeZone ?? "America/New_York";
  const newUser = created ? users.find((u) => u.id === created) : undefined;
  return (
    <>
      <PageHeader title="Users">
        <Link href="/admin/users/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          New user
        </Link>
      </PageHeader>
      {newUser && (
        <div className="mb-4">
          <Alert tone="success">
            {newUser.firstName} {newUser.lastName} was created. They sign in after choosing a password with their one-time code.
          </Alert>
        </div>
      )}
      <DataTable
        label="Staff accounts"
        noun="users"
        empty="No staff accounts at your sites yet."
        columns={[
          { id: "name", header: "Name", rowHeader: true, nowrap: true },
          { id: "role", header: "Role", nowrap: true },
          { id: "status", header: "Status" },
          { id: "sites", header: "Sites" },
          { id: "email", header: "Email", nowrap: true },
          { id: "lastSignIn", header: "Last sign-in" },
        ]}
        rows={users.map((u) => ({
          id: u.id,
          cells: {
            name: u.manageable ? (
              <Link href={`/admin/users/${u.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {u.firstName} {u.lastName}
              </Link>
            ) : (
              <span
                className="inline-flex min-h-11 items-center"
                title="Also works at a site you do not administer: an administrator of all their sites manages this account"
              >
                {u.firstName} {u.lastName}
              </span>
            ),
            role: ROLE_LABELS[u.role],
            status: (
              <>
                {u.disabledAt ? <StatusBadge tone="red">Disabled</StatusBadge> : <StatusBadge tone="green">Active</StatusBadge>}
                {u.lockedUntil && (
                  <>
                    {" "}
                    <StatusBadge tone="amber">Locked until {formatInstant(u.lockedUntil, timeZone)}</StatusBadge>
                  </>
                )}
              </>
            ),
            sites: u.siteNames.join(", "),
            email: u.email,
            lastSignIn: u.lastSignInAt ? formatInstant(u.lastSignInAt, timeZone) : "Never",
          },
        }))}
      />
    </>
  );
}
