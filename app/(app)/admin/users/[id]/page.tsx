import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { siteOptions, userForEdit } from "@/lib/users/data";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";
import { UserStatus } from "@/components/admin/user-status";
import { UserAccess } from "@/components/admin/user-access";
import { formatInstant, StatusBadge } from "@/components/admin/badge";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Only an administrator of every one of the user's sites opens this page; for others the user does not exist.
  const me = await authorizeRecordPage("user.manage", "User", id);
  const user = await userForEdit(id);
  if (!user) notFound();
  const sites = await siteOptions(me, user.siteIds);
  const name = `${user.firstName} ${user.lastName}`;
  const timeZone = me.sites[0]?.timeZone ?? "America/New_York";
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← All users
        </Link>
      </p>
      <PageHeader title={name}>{user.disabledAt ? <StatusBadge tone="red">Disabled</StatusBadge> : <StatusBadge tone="green">Active</StatusBadge>}</PageHeader>
      <UserForm
        sites={sites}
        existing={{
          id: user.id,
          version: user.version,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          role: user.role,
          telephone: user.telephone,
          siteIds: user.siteIds,
        }}
      />
      <UserStatus
        userId={user.id}
        name={name}
        disabledAt={user.disabledAt}
        disabledLabel={user.disabledAt ? formatInstant(user.disabledAt, timeZone) : null}
        isSelf={user.id === me.id}
      />
      <UserAccess
        userId={user.id}
        name={name}
        isSelf={user.id === me.id}
        lockedUntilLabel={user.lockedUntil ? formatInstant(user.lockedUntil, timeZone) : null}
        secondFactorOn={user.secondFactorOn}
      />
    </>
  );
}
