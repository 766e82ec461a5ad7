import { endpoint } from "@/lib/http/endpoint";
import { hepaticImpairmentSchema } from "@/lib/patients/medication-schema";
import { setHepaticImpairment } from "@/lib/patients/hepatic";

/** R48: the prescriber records the patient's hepatic impairment. */
export const PUT = endpoint({ action: "hepatic.record", record: { type: "Patient" }, body: hepaticImpairmentSchema }, ({ user, params: { id }, input }) =>
  setHepaticImpairment(user, id, input),
);
