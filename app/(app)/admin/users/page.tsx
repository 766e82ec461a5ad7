import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { listUsers } from "@/lib/users/data";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/patients/badges";

export const metadata: Metadata = { title: "Users" };
const ROLE = { NURSE: "Nurse", PSYCHIATRIST: "Psychiatrist", ADMIN: "Administrator" } as const;
const fmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function UsersPage() {
  await authorizePage("user.manage");
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Users">
        <Link href="/admin/users/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">New user</Link>
      </PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <thead className="bg-slate-100 text-sm">
            <tr><th scope="col" className="p-3">Name</th><th scope="col" className="p-3">Email</th><th scope="col" className="p-3">Role</th><th scope="col" className="p-3">Sites</th><th scope="col" className="p-3">Status</th><th scope="col" className="p-3">Last sign-in (UTC)</th></tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-200">
                <td className="p-3"><Link href={`/admin/users/${u.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{u.firstName} {u.lastName}</Link></td>
                <td className="p-3">{u.email}</td>
                <td className="p-3">{ROLE[u.role]}</td>
                <td className="p-3">{u.siteNames.join(", ")}</td>
                <td className="p-3">{u.disabledAt ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</td>
                <td className="p-3">{u.lastSignInAt ? fmt.format(u.lastSignInAt) : "Never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
