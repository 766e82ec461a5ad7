import { atSite, command } from "@/lib/http/command";
import { createPatient } from "@/lib/patients/data";
import { newPatientSchema } from "@/lib/patients/schema";

export const POST = command({ action: "patient.write", body: newPatientSchema, siteOf: (input) => atSite(input.siteId), status: 201 }, ({ user, input }) =>
  createPatient(user, input),
);
