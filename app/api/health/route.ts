import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/ops/health";
import { guarded } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/health — for load balancers and monitoring, without sign-in: 200 when the database answers and
 * every migration of this build is applied, 503 otherwise. No patient data, never cached.
 */
export const GET = guarded(async () => {
  const h = await checkHealth();
  if (!h.ok) console.error(`[health] ${h.database}${h.migrations ? ` missing=${h.migrations.missing.join(",")} failed=${h.migrations.failed.join(",")}` : ""}`);
  return NextResponse.json({ status: h.ok ? "ok" : "unavailable", database: h.database, migrations: h.migrations }, { status: h.ok ? 200 : 503 });
});
