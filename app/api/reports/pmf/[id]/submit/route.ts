import { endpoint } from "@/lib/http/endpoint";
import { markPmfSubmitted } from "@/lib/pmf/worklist";
import { submitPmfSchema } from "@/lib/pmf/schema";

/** POST { version, channel, confirmation, submittedAt? } — administrators of the form's site. */
export const POST = endpoint({ action: "pmf.submit", record: { type: "PatientMonitoringForm" }, body: submitPmfSchema }, ({ user, params: { id }, input }) =>
  markPmfSubmitted(user, id, input),
);
