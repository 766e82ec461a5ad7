import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { zonesUsFirst } from "@/lib/sites/schema";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { NewSiteForm } from "@/components/admin/new-site-form";

export const metadata: Metadata = { title: "New site" };

export default async function NewSitePage() {
  await authorizePage("site.manage");
  const zones = zonesUsFirst();
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/sites" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← All sites
        </Link>
      </p>
      <PageHeader title="New site" />
      <NewSiteForm today={siteDay(new Date(), "America/New_York")} timeZones={zones} />
    </>
  );
}
