import "server-only";
import { db } from "@/lib/db/client";

/** The patient's antidepressant trials in the current episode, oldest first, with the prescriber who enrolled them. */
export async function trdDocumentation(patientId: string) {
  const [trials, enrollment, baseline] = await Promise.all([
    db().antidepressantTrial.findMany({ where: { patientId }, orderBy: [{ startedOn: "asc" }, { createdAt: "asc" }] }),
    db().remsEnrollment.findFirst({ where: { patientId }, orderBy: { createdAt: "desc" }, include: { prescriber: { select: { firstName: true, lastName: true } } } }),
    db().outcomeMeasure.findMany({ where: { patientId, enteredInErrorAt: null, instrument: { in: ["PHQ9", "MADRS"] } }, orderBy: { takenAt: "asc" } }),
  ]);
  const first = (i: "PHQ9" | "MADRS") => baseline.find((m) => m.instrument === i) ?? null;
  const latest = (i: "PHQ9" | "MADRS") => baseline.filter((m) => m.instrument === i).at(-1) ?? null;
  return {
    trials,
    prescriber: enrollment ? `${enrollment.prescriber.firstName} ${enrollment.prescriber.lastName}` : null,
    scores: (["PHQ9", "MADRS"] as const).map((i) => ({ instrument: i, baseline: first(i), latest: latest(i) })).filter((s) => s.baseline),
  };
}
