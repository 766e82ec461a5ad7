import { endpoint } from "@/lib/http/endpoint";
import { updatePatient } from "@/lib/patients/data";
import { editPatientSchema } from "@/lib/patients/schema";

/** Edits a registered patient's demographics (whoever may register patients, at the patient's site); 409 on a stale version. */
export const PATCH = endpoint({ action: "patient.write", record: { type: "Patient" }, body: editPatientSchema }, ({ user, params: { id }, input }) =>
  updatePatient(user, id, input),
);
