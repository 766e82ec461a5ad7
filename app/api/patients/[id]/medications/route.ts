import { endpoint } from "@/lib/http/endpoint";
import { medicationSchema } from "@/lib/patients/medication-schema";
import { addMedication } from "@/lib/patients/medications";

/** Adds a medicine to the patient's list (read by the pre-dose checklist, the PMF, R10 and the cautions). */
export const POST = endpoint(
  { action: "medication.record", record: { type: "Patient" }, body: medicationSchema, status: 201 },
  ({ user, params: { id }, input }) => addMedication(user, id, input),
);
