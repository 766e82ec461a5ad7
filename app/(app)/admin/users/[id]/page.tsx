import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorizePage } from "@/lib/auth/authorize";
import { allSites, userForEdit } from "@/lib/users/data";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";
import { UserStatus } from "@/components/admin/user-status";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await authorizePage("user.manage");
  const { id } = await params;
  const user = await userForEdit(id);
  if (!user) notFound();
  return (
    <>
      <PageHeader title={`${user.firstName} ${user.lastName}`} />
      <UserForm sites={await allSites()} existing={user} />
      <UserStatus userId={user.id} disabled={!!user.disabledAt} />
    </>
  );
}
