import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/authorize";
import { homeFor } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await requireUser();
  redirect(homeFor(user.role));
}
