import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Chair board" };

export default async function BoardPage() {
  await authorizePage("board.view");
  return (
    <>
      <PageHeader title="Chair board" />
      <p className="text-slate-700">Active sessions with their timers will appear here (chair-side sessions are being built).</p>
    </>
  );
}
