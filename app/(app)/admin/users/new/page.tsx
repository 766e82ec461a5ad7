import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { allSites } from "@/lib/users/data";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  await authorizePage("user.manage");
  return (
    <>
      <PageHeader title="New user" />
      <UserForm sites={await allSites()} />
    </>
  );
}
