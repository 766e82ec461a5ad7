import { endpoint } from "@/lib/http/endpoint";
import { recordReportedToRems } from "@/lib/reports/adverse-events";
import { reportedToRemsSchema } from "@/lib/reports/adverse-events-schema";

/** POST { version, reportedOn, reference } — administrators of the event's site (R41). */
export const POST = endpoint({ action: "pmf.submit", record: { type: "AdverseEvent" }, body: reportedToRemsSchema }, ({ user, params: { id }, input }) =>
  recordReportedToRems(user, id, input),
);
