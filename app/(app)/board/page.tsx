import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { boardFor } from "@/lib/sessions/view";
import { PageHeader } from "@/components/ui/page-header";
import { ChairBoard, type Card } from "@/components/board/chair-board";

export const metadata: Metadata = { title: "Chair board" };

export default async function BoardPage() {
  const user = await authorizePage("board.view");
  const now = new Date();
  const cards = JSON.parse(JSON.stringify(await boardFor(user.siteIds, now))) as Card[];
  return (
    <>
      <PageHeader title="Chair board">
        <Link href="/patients" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">Check in a patient</Link>
      </PageHeader>
      <ChairBoard initial={{ serverNow: now.toISOString(), cards }} timeZone={user.sites[0]?.timeZone ?? "America/New_York"} />
    </>
  );
}
