// The seed plans every record in memory first, in the shape of its row (planned ids made here, so records
// can point at each other); prisma/seed/replay.ts then makes each one through the app's command.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../../lib/generated/prisma/client";

let counter = 0;
/** A cuid-shaped id (c + time + counter + random, base 36), like the ones Prisma makes. */
export function newId(): string {
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(0, 12);
  return `c${Date.now().toString(36).padStart(8, "0")}${(counter++ % 36 ** 4).toString(36).padStart(4, "0")}${random}`;
}

export type Rows = {
  sites: Prisma.SiteCreateManyInput[];
  representatives: Prisma.AuthorizedRepresentativeCreateManyInput[];
  chairs: Prisma.ChairCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  userSites: Prisma.UserSiteCreateManyInput[];
  patients: Prisma.PatientCreateManyInput[];
  flags: Prisma.ClinicalFlagCreateManyInput[];
  medications: Prisma.ConcomitantMedicationCreateManyInput[];
  enrollments: Prisma.RemsEnrollmentCreateManyInput[];
  counselling: Prisma.CounsellingRecordCreateManyInput[];
  trials: Prisma.AntidepressantTrialCreateManyInput[];
  lots: Prisma.InventoryLotCreateManyInput[];
  devices: Prisma.DeviceCreateManyInput[];
  sessions: Prisma.TreatmentSessionCreateManyInput[];
  checklists: Prisma.PreDoseChecklistCreateManyInput[];
  administrations: Prisma.DeviceAdministrationCreateManyInput[];
  vitals: Prisma.ObservationVitalCreateManyInput[];
  sedation: Prisma.SedationAssessmentCreateManyInput[];
  dissociation: Prisma.DissociationAssessmentCreateManyInput[];
  decisions: Prisma.ClinicalDecisionCreateManyInput[];
  adverseEvents: Prisma.AdverseEventCreateManyInput[];
  discharges: Prisma.DischargeDecisionCreateManyInput[];
  outcomes: Prisma.OutcomeMeasureCreateManyInput[];
  waste: Prisma.WasteRecordCreateManyInput[];
  transfers: Prisma.PatientTransferCreateManyInput[];
};

export const emptyRows = (): Rows => ({
  sites: [],
  representatives: [],
  chairs: [],
  users: [],
  userSites: [],
  patients: [],
  flags: [],
  medications: [],
  enrollments: [],
  counselling: [],
  trials: [],
  lots: [],
  devices: [],
  sessions: [],
  checklists: [],
  administrations: [],
  vitals: [],
  sedation: [],
  dissociation: [],
  decisions: [],
  adverseEvents: [],
  discharges: [],
  outcomes: [],
  waste: [],
  transfers: [],
});
