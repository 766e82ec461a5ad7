import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { apiTokensOf } from "@/lib/auth/api-tokens";
import { siteChoices } from "@/lib/patients/data";
import { formatInstant } from "@/components/admin/badge";
import { CreateTokenForm } from "@/components/fhir/create-token-form";
import { RevokeTokenButton } from "@/components/fhir/revoke-token-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await authorizePage("token.manage");
  const [sites, tokens] = await Promise.all([siteChoices(user.siteIds), apiTokensOf(user)]);
  const tz = user.sites[0]?.timeZone ?? "America/New_York";
  return (
    <>
      <PageHeader title="API tokens" />
      <p className="mb-4 max-w-3xl text-slate-700">
        Read-only tokens for another system (an EHR interface engine): they read sessions as FHIR at <code>/api/fhir/…</code> for the chosen sites, and nothing
        else. Every use is in the audit log. Revoking works from the next request.
      </p>
      <CreateTokenForm sites={sites} />
      <h2 className="mb-2 text-lg font-semibold">Tokens</h2>
      {tokens.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  Client
                </th>
                <th scope="col" className="p-2">
                  Sites
                </th>
                <th scope="col" className="p-2">
                  Created
                </th>
                <th scope="col" className="p-2">
                  Last used
                </th>
                <th scope="col" className="p-2">
                  State
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-b border-slate-200 align-top">
                  <td className="p-2">
                    <span className="font-medium">{t.name}</span>
                    <br />
                    <code className="text-sm text-slate-700">{t.prefix}…</code>
                  </td>
                  <td className="p-2">{t.sites.map((s) => s.name).join(", ")}</td>
                  <td className="p-2">
                    {formatInstant(t.createdAt.toISOString(), tz)}
                    <br />
                    <span className="text-sm text-slate-700">by {t.createdBy}</span>
                  </td>
                  <td className="p-2">{t.lastUsedAt ? formatInstant(t.lastUsedAt.toISOString(), tz) : "Never"}</td>
                  <td className="p-2">{t.revokedAt ? `Revoked ${formatInstant(t.revokedAt.toISOString(), tz)}` : "Active"}</td>
                  <td className="p-2">{!t.revokedAt && <RevokeTokenButton id={t.id} name={t.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
