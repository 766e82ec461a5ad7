import "server-only";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/http/errors";
import { lotSite } from "@/lib/inventory/data";
import { patientSite } from "@/lib/patients/data";
import { transferSite } from "@/lib/patients/transfers";
import { pmfSite } from "@/lib/pmf/worklist";
import { aeSite } from "@/lib/reports/adverse-events";
import { sessionSite } from "@/lib/sessions/commands";
import { appointmentSite } from "@/lib/scheduling/data";
import { notFound } from "next/navigation";
import { authorizePage, authorizeRequest, type Scope } from "./authorize";
import { administers } from "./site-scope";
import type { Action } from "./permissions";

const one = (siteOf: (id: string) => Promise<string | null>) => async (id: string) => {
  const s = await siteOf(id);
  return s ? [s] : null;
};

/** A staff account belongs to every site on it: an administrator manages it only if they administer all of them. */
export async function userSites(id: string): Promise<string[] | null> {
  const u = await db().user.findUnique({ where: { id }, select: { sites: { select: { siteId: true } } } });
  return u ? u.sites.map((s) => s.siteId) : null;
}
const siteItself = async (id: string) => ((await db().site.findUnique({ where: { id }, select: { id: true } })) ? [id] : null);

// Where each kind of record belongs: its sites decide who may act on it (all of them must be the user's).
const RECORDS = {
  Patient: { label: "Patient", sitesOf: one(patientSite) },
  TreatmentSession: { label: "Session", sitesOf: one(sessionSite) },
  PatientMonitoringForm: { label: "Patient Monitoring Form", sitesOf: one(pmfSite) },
  AdverseEvent: { label: "Adverse event", sitesOf: one(aeSite) },
  InventoryLot: { label: "Lot", sitesOf: one(lotSite) },
  PatientTransfer: { label: "Transfer", sitesOf: one(transferSite) },
  User: { label: "User", sitesOf: userSites },
  Site: { label: "Site", sitesOf: siteItself },
  Appointment: { label: "Appointment", sitesOf: one(appointmentSite) },
} as const;
export type RecordType = keyof typeof RECORDS;

/**
 * A route acting on one record: the role is checked first (403 before any lookup), then the record's
 * sites — another site's record, or none, is a 404 that tells nothing about it.
 */
export async function authorizeRecord(action: Action, type: RecordType, id: string) {
  const user = await authorizeRequest(action);
  const scope = await recordScope(type, id);
  // The session is looked up once per request (React's cache does not reach route handlers): the scoped
  // check runs again only to refuse, so that the denial is audited like every other.
  if (administers(user, scope.siteIds)) return user;
  return authorizeRequest(action, scope);
}

/** The scope of an act on a record, or about one the input names (a check-in names its patient): its sites; a 404 when it does not exist. */
export async function recordScope(type: RecordType, id: string): Promise<Scope & { siteIds: string[] }> {
  const siteIds = await RECORDS[type].sitesOf(id);
  if (!siteIds) throw notFoundError(RECORDS[type].label);
  return { siteIds, entityType: type, entityId: id };
}

/** The same for a page of one record: sign-in, 403 page or 404 page instead of JSON. */
export async function authorizeRecordPage(action: Action, type: RecordType, id: string) {
  await authorizePage(action);
  const siteIds = await RECORDS[type].sitesOf(id);
  if (!siteIds) notFound();
  return authorizePage(action, { siteIds, entityType: type, entityId: id });
}
