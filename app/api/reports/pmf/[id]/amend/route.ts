import { command } from "@/lib/http/command";
import { amendPmf } from "@/lib/pmf/amend";
import { amendPmfSchema } from "@/lib/pmf/schema";

/** POST { version, reason } — administrators of the form's site; 201 with the amendment's id. */
export const POST = command(
  { action: "pmf.submit", record: { type: "PatientMonitoringForm" }, body: amendPmfSchema, status: 201 },
  ({ user, params: { id }, input }) => amendPmf(user, id, input),
);
