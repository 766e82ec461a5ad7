import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  await authorizePage("review.view");
  return (
    <>
      <PageHeader title="Review" />
      <p className="text-slate-700">Open GATEs, sessions awaiting sign-off and alerts will appear here (psychiatrist review is being built).</p>
    </>
  );
}
