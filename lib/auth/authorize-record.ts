import "server-only";
import { notFoundError } from "@/lib/http/errors";
import { lotSite } from "@/lib/inventory/data";
import { patientSite } from "@/lib/patients/data";
import { transferSite } from "@/lib/patients/transfers";
import { pmfSite } from "@/lib/pmf/worklist";
import { aeSite } from "@/lib/reports/adverse-events";
import { sessionSite } from "@/lib/sessions/commands";
import { notFound } from "next/navigation";
import { authorizePage, authorizeRequest } from "./authorize";
import type { Action } from "./permissions";

// Where each kind of record belongs: its site decides who may act on it.
const RECORDS = {
  Patient: { label: "Patient", siteOf: patientSite },
  TreatmentSession: { label: "Session", siteOf: sessionSite },
  PatientMonitoringForm: { label: "Patient Monitoring Form", siteOf: pmfSite },
  AdverseEvent: { label: "Adverse event", siteOf: aeSite },
  InventoryLot: { label: "Lot", siteOf: lotSite },
  PatientTransfer: { label: "Transfer", siteOf: transferSite },
} as const;
export type RecordType = keyof typeof RECORDS;

/**
 * A route acting on one record: the role is checked first (403 before any lookup), then the record's
 * site — another site's record, or none, is a 404 that tells nothing about it.
 */
export async function authorizeRecord(action: Action, type: RecordType, id: string) {
  const user = await authorizeRequest(action);
  const siteId = await RECORDS[type].siteOf(id);
  if (!siteId) throw notFoundError(RECORDS[type].label);
  // The session is looked up once per request (React's cache does not reach route handlers): the scoped
  // check runs again only to refuse, so that the denial is audited like every other.
  if (user.siteIds.includes(siteId)) return user;
  return authorizeRequest(action, { siteId, entityType: type, entityId: id });
}

/** The same for a page of one record: sign-in, 403 page or 404 page instead of JSON. */
export async function authorizeRecordPage(action: Action, type: RecordType, id: string) {
  await authorizePage(action);
  const siteId = await RECORDS[type].siteOf(id);
  if (!siteId) notFound();
  return authorizePage(action, { siteId, entityType: type, entityId: id });
}
