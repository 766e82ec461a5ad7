// The seed plans every row in memory first (ids made here, so rows can point at each other), then
// writes each table with one createMany, parents before children.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Tx } from "../../lib/db/client";

let counter = 0;
/** A cuid-shaped id (c + time + counter + random, base 36), like the ones Prisma makes. */
export function newId(): string {
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(12, "0").slice(0, 12);
  return `c${Date.now().toString(36).padStart(8, "0")}${(counter++ % 36 ** 4).toString(36).padStart(4, "0")}${random}`;
}

export type Rows = {
  params: Prisma.RemsParameterSetCreateManyInput[];
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
};

export const emptyRows = (): Rows => ({
  params: [], sites: [], representatives: [], chairs: [], users: [], userSites: [], patients: [], flags: [], medications: [],
  enrollments: [], counselling: [], trials: [], lots: [], devices: [], sessions: [], checklists: [], administrations: [], vitals: [],
  sedation: [], dissociation: [], decisions: [], adverseEvents: [], discharges: [], outcomes: [], waste: [],
});

/** One INSERT per table, in foreign-key order. */
export async function writeRows(tx: Tx, r: Rows): Promise<void> {
  await tx.remsParameterSet.createMany({ data: r.params });
  await tx.site.createMany({ data: r.sites });
  await tx.authorizedRepresentative.createMany({ data: r.representatives });
  await tx.chair.createMany({ data: r.chairs });
  await tx.user.createMany({ data: r.users });
  await tx.userSite.createMany({ data: r.userSites });
  await tx.patient.createMany({ data: r.patients });
  await tx.clinicalFlag.createMany({ data: r.flags });
  await tx.concomitantMedication.createMany({ data: r.medications });
  await tx.remsEnrollment.createMany({ data: r.enrollments });
  await tx.counsellingRecord.createMany({ data: r.counselling });
  await tx.antidepressantTrial.createMany({ data: r.trials });
  await tx.inventoryLot.createMany({ data: r.lots });
  await tx.device.createMany({ data: r.devices });
  await tx.treatmentSession.createMany({ data: r.sessions });
  await tx.preDoseChecklist.createMany({ data: r.checklists });
  await tx.deviceAdministration.createMany({ data: r.administrations });
  await tx.observationVital.createMany({ data: r.vitals });
  await tx.sedationAssessment.createMany({ data: r.sedation });
  await tx.dissociationAssessment.createMany({ data: r.dissociation });
  await tx.clinicalDecision.createMany({ data: r.decisions });
  await tx.adverseEvent.createMany({ data: r.adverseEvents });
  await tx.dischargeDecision.createMany({ data: r.discharges });
  await tx.outcomeMeasure.createMany({ data: r.outcomes });
  await tx.wasteRecord.createMany({ data: r.waste });
}
