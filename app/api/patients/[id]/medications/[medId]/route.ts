import { endpoint } from "@/lib/http/endpoint";
import { medicationEditSchema } from "@/lib/patients/medication-schema";
import { editMedication } from "@/lib/patients/medications";

/** Corrects one medicine of the list; a stale version is a 409. */
export const PATCH = endpoint(
  { action: "medication.record", record: { type: "Patient" }, body: medicationEditSchema },
  ({ user, params: { id, medId }, input }) => editMedication(user, id, medId, input),
);
