import { requireUser } from "@/lib/auth/authorize";
import { navigationFor } from "@/lib/auth/permissions";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

// The layout only draws the frame; each page authorizes itself (a layout does not re-run on
// client navigation, so it must never be the only check).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell nav={navigationFor(user.role)} user={{ name: user.name, role: user.role, sites: user.sites.map((s) => s.name) }} idleMinutes={user.idleMinutes}>
      {children}
    </AppShell>
  );
}
