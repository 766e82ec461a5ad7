// Next.js calls register() once when a server process starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startAuditAnchorSchedule } = await import("@/lib/audit/anchor-schedule");
  startAuditAnchorSchedule();
}
