import { endpoint } from "@/lib/http/endpoint";
import { amendPmf } from "@/lib/pmf/amend";
import { amendPmfSchema } from "@/lib/pmf/schema";

/** POST { version, reason } — administrators of the form's site; 201 with the amendment's id. */
export const POST = endpoint(
  { action: "pmf.submit", record: { type: "PatientMonitoringForm" }, body: amendPmfSchema, status: 201 },
  ({ user, params: { id }, input }) => amendPmf(user, id, input),
);
