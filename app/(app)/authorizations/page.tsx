import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { renewalList } from "@/lib/authorizations/data";
import { RENEWAL_DAYS, RENEWAL_SESSIONS_LEFT } from "@/lib/authorizations/rules";
import { PageHeader } from "@/components/ui/page-header";
import { AuthorizationTable } from "@/components/authorizations/authorization-table";

export const metadata: Metadata = { title: "Authorizations to renew" };

/** Prior authorizations at the user's sites that end within 14 days or have 2 or fewer sessions left. */
export default async function AuthorizationsPage() {
  const user = await authorizePage("authorization.manage");
  const rows = await renewalList(user.siteIds);
  return (
    <>
      <PageHeader title="Authorizations to renew" />
      <p className="mb-3 text-slate-700">
        Ending within {RENEWAL_DAYS} days or with {RENEWAL_SESSIONS_LEFT} or fewer sessions left, soonest first. The TRD documentation tab of each patient is
        the evidence for the renewal.
      </p>
      {rows.length ? <AuthorizationTable rows={rows} withPatient caption="Authorizations to renew" /> : <p>No authorization needs renewing.</p>}
    </>
  );
}
