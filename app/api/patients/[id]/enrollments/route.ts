import { endpoint } from "@/lib/http/endpoint";
import { recordEnrollment } from "@/lib/patients/enrollment";
import { enrollmentSchema } from "@/lib/patients/enrollment-schema";

/** R6: the Patient Enrollment Form, first or replacing the current one (a re-enrollment or correction). */
export const POST = endpoint(
  { action: "enrollment.record", record: { type: "Patient" }, body: enrollmentSchema, status: 201 },
  ({ user, params: { id }, input }) => recordEnrollment(user, id, input),
);
