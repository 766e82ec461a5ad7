import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { siteStaff } from "@/lib/inventory/data";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { ReceiveLotForm } from "@/components/inventory/receive-lot-form";

export const metadata: Metadata = { title: "Receive a lot" };

export default async function ReceiveLotPage({ searchParams }: { searchParams: Promise<{ site?: string }> }) {
  const { site: wanted } = await searchParams;
  const user = await authorizePage("inventory.manage", wanted ? { siteId: wanted, entityType: "Site", entityId: wanted } : undefined);
  const site = user.sites.find((s) => s.id === wanted) ?? user.sites[0];
  if (!site)
    return (
      <>
        <PageHeader title="Receive a lot" />
        <p>You are not assigned to a site.</p>
      </>
    );
  const staff = await siteStaff(site.id);
  return (
    <>
      <p className="mb-2">
        <Link href={`/inventory?site=${site.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader title="Receive a lot" />
      <ReceiveLotForm siteId={site.id} siteName={site.name} staff={staff} meId={user.id} today={siteDay(new Date(), site.timeZone)} />
    </>
  );
}
