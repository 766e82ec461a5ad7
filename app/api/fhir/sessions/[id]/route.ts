import { recordAudit } from "@/lib/audit/data";
import { sessionBundle } from "@/lib/fhir/bundle";
import { fhirReader } from "@/lib/fhir/access";
import { fhirSession, sessionSiteOf } from "@/lib/fhir/data";
import { notFoundError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

/** GET /api/fhir/sessions/{id}: the session as one FHIR R4 Bundle (collection). Staff of its site or an API token; audited. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const at = await sessionSiteOf(id);
  if (!at) {
    await fhirReader(req, "fhir.read", { siteId: "", entityType: "TreatmentSession", entityId: id }).catch((e) => {
      if (e.status !== 404) throw e;
    });
    throw notFoundError("Session");
  }
  const actor = await fhirReader(req, "fhir.read", { siteId: at.siteId, entityType: "TreatmentSession", entityId: id });
  const dto = await fhirSession(id);
  if (!dto) throw notFoundError("Session");
  await recordAudit({
    actor,
    action: "fhir.read",
    entityType: "TreatmentSession",
    entityId: id,
    siteId: at.siteId,
    patientId: at.patientId,
    after: { format: "fhir-r4-bundle", via: actor.via },
  });
  return new Response(JSON.stringify(sessionBundle(dto)), { headers: { "content-type": "application/fhir+json; charset=utf-8", "cache-control": "no-store" } });
});
