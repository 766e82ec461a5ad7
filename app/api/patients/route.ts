import { atSite, endpoint } from "@/lib/http/endpoint";
import { createPatient } from "@/lib/patients/data";
import { newPatientSchema } from "@/lib/patients/schema";

export const POST = endpoint({ action: "patient.write", body: newPatientSchema, siteOf: ({ body }) => atSite(body.siteId), status: 201 }, ({ user, input }) =>
  createPatient(user, input),
);
