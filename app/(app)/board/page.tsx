import type { Metadata } from "next";
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
      <PageHeader title="Chair board" />
      <ChairBoard initial={{ serverNow: now.toISOString(), cards }} timeZone={user.sites[0]?.timeZone ?? "America/New_York"} />
    </>
  );
}
