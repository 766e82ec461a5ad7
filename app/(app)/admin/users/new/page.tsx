import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { siteOptions } from "@/lib/users/data";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const me = await authorizePage("user.manage");
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← All users
        </Link>
      </p>
      <PageHeader title="New user" />
      <UserForm sites={await siteOptions(me)} />
    </>
  );
}
