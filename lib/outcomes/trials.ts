import "server-only";
import type { z } from "zod";
import { appendAudit } from "@/lib/audit/data";
import { db, transaction } from "@/lib/db/client";
import { notFoundError } from "@/lib/http/errors";
import type { trialSchema } from "./schema";

/** The patient's antidepressant trials in the current episode, oldest first, with the prescriber who enrolled them. */
export async function trdDocumentation(patientId: string) {
  const [trials, enrollment, baseline] = await Promise.all([
    db().antidepressantTrial.findMany({ where: { patientId }, orderBy: [{ startedOn: "asc" }, { createdAt: "asc" }] }),
    db().remsEnrollment.findFirst({
      where: { patientId },
      orderBy: { createdAt: "desc" },
      include: { prescriber: { select: { firstName: true, lastName: true } } },
    }),
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

/** A trial documented by the prescriber; the TRD summary is computed from the trials, never typed. */
export async function addTrial(actor: { id: string; email: string; role: string }, patientId: string, input: z.output<typeof trialSchema>) {
  return transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: { siteId: true } });
    if (!patient) throw notFoundError("Patient");
    const trial = await tx.antidepressantTrial.create({
      data: {
        patientId,
        drug: input.drug,
        mechanismClass: input.mechanismClass.toUpperCase(),
        doseMg: input.doseMg ?? null,
        adequateDose: input.adequateDose,
        weeks: input.weeks,
        adherent: input.adherent,
        outcome: input.outcome,
        startedOn: input.startedOn ? new Date(`${input.startedOn}T00:00:00Z`) : null,
      },
    });
    await appendAudit(tx, {
      actor,
      action: "trial.add",
      entityType: "AntidepressantTrial",
      entityId: trial.id,
      siteId: patient.siteId,
      patientId,
      after: trial,
    });
    return { id: trial.id };
  });
}
