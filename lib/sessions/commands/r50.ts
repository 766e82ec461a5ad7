import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";

/** The R50 partial unique indexes (hand-written in migration 20261204182513_idempotency_records_r50). */
export const R50_INDEXES = { chair: "TreatmentSession_one_open_per_chair", patientDay: "TreatmentSession_one_per_patient_day" } as const;

export const chairBusy = (chairLabel: string) =>
  new HttpError(409, "CHAIR_BUSY", `${chairLabel} already has an active session.`, { chairId: [`${chairLabel} already has an active session`] });

export const patientHasSessionToday = (patientName: string) =>
  new HttpError(409, "R23_SECOND_TODAY", `${patientName} already has a session today: only one dosing session a calendar day.`, {
    patientId: [`${patientName} already has a session today`],
  });

/** Which R50 index a unique violation hit, if any (the adapter reports the index name in the error's meta or message). */
export function r50IndexHit(e: unknown): keyof typeof R50_INDEXES | null {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return null;
  const text = `${e.message} ${JSON.stringify(e.meta ?? {})}`;
  if (text.includes(R50_INDEXES.chair)) return "chair";
  if (text.includes(R50_INDEXES.patientDay)) return "patientDay";
  return null;
}

/** Turns an R50 unique violation into the 409 naming the chair or the patient; anything else passes through. */
export function r50Conflict(e: unknown, names: { chair: string; patient: string }): unknown {
  const hit = r50IndexHit(e);
  return hit === "chair" ? chairBusy(names.chair) : hit === "patientDay" ? patientHasSessionToday(names.patient) : e;
}
