import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { listUsers } from "@/lib/users/data";
import { ROLE_LABELS } from "@/lib/users/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { formatInstant, StatusBadge } from "@/components/admin/badge";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const me = await authorizePage("user.manage");
  const [users, { created }] = await Promise.all([listUsers(me), searchParams]);
  const timeZone = me.sites[0]?.timeZone ?? "America/New_York";
  const newUser = created ? users.find((u) => u.id === created) : undefined;
  return (
    <>
      <PageHeader title="Users">
        <Link href="/admin/users/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">New user</Link>
      </PageHeader>
      {newUser && <div className="mb-4"><Alert tone="success">{newUser.firstName} {newUser.lastName} was created. They sign in after choosing a password with their one-time code.</Alert></div>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <caption className="sr-only">Staff accounts</caption>
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Sites</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={`border-t border-slate-200 align-middle ${u.disabledAt ? "text-slate-500" : ""}`}>
                <th scope="row" className="whitespace-nowrap px-3 py-1 font-normal">
                  {u.manageable
                    ? <Link href={`/admin/users/${u.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{u.firstName} {u.lastName}</Link>
                    : <span className="inline-flex min-h-11 items-center" title="Also works at a site you do not administer: an administrator of all their sites manages this account">{u.firstName} {u.lastName}</span>}
                </th>
                <td className="whitespace-nowrap px-3 py-1">{u.email}</td>
                <td className="whitespace-nowrap px-3 py-1">{ROLE_LABELS[u.role]}</td>
                <td className="px-3 py-1">{u.siteNames.join(", ")}</td>
                <td className="px-3 py-1">
                  {u.disabledAt ? <StatusBadge tone="red">Disabled</StatusBadge> : <StatusBadge tone="green">Active</StatusBadge>}
                  {u.lockedUntil && <> <StatusBadge tone="amber">Locked until {formatInstant(u.lockedUntil, timeZone)}</StatusBadge></>}
                </td>
                <td className="px-3 py-1 text-sm">{u.lastSignInAt ? formatInstant(u.lastSignInAt, timeZone) : "Never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
