import { endpoint } from "@/lib/http/endpoint";
import { medicationStopSchema } from "@/lib/patients/medication-schema";
import { stopMedication } from "@/lib/patients/medications";

/** Stops a medicine from a day on; it stays in the list's history. */
export const POST = endpoint(
  { action: "medication.record", record: { type: "Patient" }, body: medicationStopSchema },
  ({ user, params: { id, medId }, input }) => stopMedication(user, id, medId, input),
);
