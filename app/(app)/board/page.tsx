import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { boardFor } from "@/lib/sessions/view";
import { listPatients } from "@/lib/patients/data";
import { boardSchedule } from "@/lib/scheduling/data";
import { PageHeader } from "@/components/ui/page-header";
import { ChairBoard } from "@/components/board/chair-board";
import { plain } from "@/lib/dto/plain";

export const metadata: Metadata = { title: "Chair board" };

export default async function BoardPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await authorizePage("board.view");
  const q = ((await searchParams).q ?? "").trim().slice(0, 100);
  const now = new Date();
  const [board, schedule, found] = await Promise.all([
    boardFor(user.siteIds, now),
    boardSchedule(user.siteIds, now),
    q ? listPatients(user.siteIds, q, 1) : null,
  ]);
  return (
    <>
      <PageHeader title="Chair board">
        <Link href="/schedule" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100">
          Schedule
        </Link>
        <Link href="/patients" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          Check in a patient
        </Link>
      </PageHeader>
      <ChairBoard
        initial={{ serverNow: now.toISOString(), cards: plain(board), schedule: plain(schedule) }}
        q={q}
        found={found?.rows ?? null}
        timeZone={user.sites[0]?.timeZone ?? "America/New_York"}
      />
    </>
  );
}
