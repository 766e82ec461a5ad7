// SessionFacts after a JSON round trip: turn the ISO strings back into Dates for the shared rules.
import type { SessionFacts } from "../facts";
import type { Json } from "@/lib/dto/plain";

const d = (v: string | null | undefined) => (v ? new Date(v) : null);

export function reviveFacts(j: Json<SessionFacts>): SessionFacts {
  const c = j.checklist;
  return {
    ...j,
    params: { ...j.params, effectiveFrom: new Date(j.params.effectiveFrom) },
    patient: {
      ...j.patient,
      enrollment: j.patient.enrollment && {
        ...j.patient.enrollment,
        patientSignedAt: d(j.patient.enrollment.patientSignedAt),
        prescriberSignedAt: d(j.patient.enrollment.prescriberSignedAt),
        submittedAt: d(j.patient.enrollment.submittedAt),
      },
      counselledAt: d(j.patient.counselledAt),
      cautions: j.patient.cautions.map((x) => ({ ...x, recordedAt: new Date(x.recordedAt) })),
      priorDosedSessions: j.patient.priorDosedSessions.map((x) => ({ ...x, t0: new Date(x.t0) })),
    },
    checklist: c && {
      ...c,
      lastFoodAt: d(c.lastFoodAt),
      lastLiquidAt: d(c.lastLiquidAt),
      nasalMedicationAt: d(c.nasalMedicationAt),
      conmedConfirmedAt: d(c.conmedConfirmedAt),
    },
    devices: j.devices.map((x) => ({ ...x, administeredAt: new Date(x.administeredAt) })),
    vitals: j.vitals.map((x) => ({ ...x, takenAt: new Date(x.takenAt) })),
    sedation: j.sedation.map((x) => ({ ...x, takenAt: new Date(x.takenAt) })),
    dissociation: j.dissociation.map((x) => ({ ...x, takenAt: new Date(x.takenAt) })),
    decisions: j.decisions.map((x) => ({ ...x, decidedAt: new Date(x.decidedAt) })),
    preCompletion: j.preCompletion ? { ...j.preCompletion, assessedAt: new Date(j.preCompletion.assessedAt) } : null,
  };
}
export type FactsJson = Json<SessionFacts>;
