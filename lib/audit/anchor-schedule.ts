import "server-only";
import { anchorAllAuditChains } from "./anchors";

const g = globalThis as unknown as { __auditAnchorTimer?: NodeJS.Timeout };

/**
 * Anchors the audit chain every AUDIT_ANCHOR_INTERVAL_MINUTES (default 60; 0 turns it off) while the
 * server runs, skipping when nothing was audited since the last anchor. Several app servers may each
 * anchor: an extra anchor is harmless. Started once per process from instrumentation.ts.
 */
export function startAuditAnchorSchedule(env: Record<string, string | undefined> = process.env): void {
  const minutes = Number(env.AUDIT_ANCHOR_INTERVAL_MINUTES ?? 60);
  if (!Number.isFinite(minutes) || minutes <= 0 || g.__auditAnchorTimer) return;
  const tick = () => anchorAllAuditChains({ reason: "schedule", onlyIfMoved: true }).catch((e) => console.error("[audit anchor]", e));
  g.__auditAnchorTimer = setInterval(tick, minutes * 60_000);
  g.__auditAnchorTimer.unref();
  setTimeout(tick, 5_000).unref(); // and once soon after start, so a server that runs less than an hour anchors too
}
