import "server-only";
import { transaction } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { ObservationVital } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/data";
import type { z } from "zod";
import { firstDeviceAt } from "../facts";
import { bpAlert, sedationAlert, spo2Alert, type Alert } from "../observation-rules";
import { CRISIS_SYMPTOMS, type crisisSchema, type dissociationSchema, type sedationSchema, type vitalsSchema } from "../schema";
import { recordAlerts } from "../alerts";
import { clinicalTime, noteLateEntry, openAdverseEvent, openForEntry, openForObservation, type Actor } from "./shared";

export async function recordVital(actor: Actor, sessionId: string, input: z.output<typeof vitalsSchema>) {
  return {
    result: await transaction(async (tx) => {
      const { now, siteId, patientId, time, f } = await openForObservation(tx, sessionId);
      const { at: takenAt, late } = clinicalTime(input.takenAt, time, "takenAt", input.lateReason);
      const lateEntryReason = late ? input.lateReason! : null;
      const t0 = firstDeviceAt(f.devices);
      const kind = !t0 || takenAt < t0 ? (input.kind === "EXTRA" ? "PRE_DOSE" : input.kind) : input.kind === "PRE_DOSE" ? "EXTRA" : input.kind;
      // Raw (lib/db/sql): the busiest insert of the app. Its id is a UUID drawn by PostgreSQL, as IdempotencyRecord's;
      // the columns are named, so that a column added later leaves the prepared statement's result as it is.
      const [v] = await sql(tx).query<ObservationVital>`INSERT INTO "ObservationVital" ("id", "sessionId", "takenAt", "kind", "systolic", "diastolic",
          "heartRate", "spo2", "respiratoryRate", "recordedById", "recordedAt", "lateEntryReason")
        VALUES (gen_random_uuid()::text, ${sessionId}, ${takenAt}, ${kind}::"VitalKind", ${input.systolic ?? null}::int, ${input.diastolic ?? null}::int,
          ${input.heartRate ?? null}::int, ${input.spo2 ?? null}::int, ${input.respiratoryRate ?? null}::int, ${actor.id}, ${now}, ${lateEntryReason})
        RETURNING "id", "sessionId", "takenAt", "kind", "systolic", "diastolic", "heartRate", "spo2", "respiratoryRate", "recordedById", "recordedAt",
          "enteredInErrorAt", "enteredInErrorById", "enteredInErrorReason", "replacesId", "lateEntryReason"`;
      await appendAudit(tx, { actor, action: "vital.record", entityType: "ObservationVital", entityId: v.id, siteId, patientId, after: v });
      if (lateEntryReason)
        await noteLateEntry(tx, actor, { sessionId, siteId, patientId, entityType: "ObservationVital", entityId: v.id, at: takenAt, reason: lateEntryReason });
      const alerts: Alert[] = [];
      let adverseEventId: string | null = null;
      if (t0 && takenAt >= t0) {
        const vital = {
          id: v.id,
          takenAt,
          kind: v.kind,
          systolic: v.systolic,
          diastolic: v.diastolic,
          heartRate: v.heartRate,
          spo2: v.spo2,
          enteredInError: false,
        };
        const bp = bpAlert(vital, f.site);
        if (bp) alerts.push(bp);
        const sat = spo2Alert([...f.vitals, vital], vital, f.site);
        if (sat) {
          alerts.push(sat);
          if (sat.opensAdverseEvent && !f.openRespiratoryDepression) {
            const lows = [...f.vitals, vital].filter((x) => !x.enteredInError && x.spo2 != null && x.spo2 < f.site.spo2AlertThreshold && x.takenAt >= t0);
            adverseEventId = await openAdverseEvent(
              tx,
              actor,
              sessionId,
              siteId,
              patientId,
              sat,
              new Date(Math.min(...lows.map((x) => x.takenAt.getTime()))),
              Math.min(...lows.map((x) => x.spo2!)),
            );
          }
        }
      }
      await recordAlerts(tx, actor, { sessionId, siteId, patientId }, { entityType: "ObservationVital", entityId: v.id }, alerts, now);
      return { id: v.id, takenAt, alerts, adverseEventId };
    }),
  };
}

export async function recordSedation(actor: Actor, sessionId: string, input: z.output<typeof sedationSchema>) {
  return {
    result: await transaction(async (tx) => {
      const { now, siteId, patientId, time } = await openForEntry(tx, sessionId);
      const { at: takenAt, late } = clinicalTime(input.takenAt, time, "takenAt", input.lateReason);
      const lateEntryReason = late ? input.lateReason! : null;
      const s = await tx.sedationAssessment.create({
        data: { sessionId, takenAt, moaas: input.moaas, recordedById: actor.id, recordedAt: now, lateEntryReason },
      });
      await appendAudit(tx, { actor, action: "sedation.record", entityType: "SedationAssessment", entityId: s.id, siteId, patientId, after: s });
      if (lateEntryReason)
        await noteLateEntry(tx, actor, {
          sessionId,
          siteId,
          patientId,
          entityType: "SedationAssessment",
          entityId: s.id,
          at: takenAt,
          reason: lateEntryReason,
        });
      const alert = sedationAlert(s);
      const adverseEventId = alert?.opensAdverseEvent ? await openAdverseEvent(tx, actor, sessionId, siteId, patientId, alert, takenAt) : null;
      if (alert) await recordAlerts(tx, actor, { sessionId, siteId, patientId }, { entityType: "SedationAssessment", entityId: s.id }, [alert], now);
      return { id: s.id, alert, adverseEventId };
    }),
  };
}

export async function recordDissociation(actor: Actor, sessionId: string, input: z.output<typeof dissociationSchema>) {
  return {
    result: await transaction(async (tx) => {
      const { now, siteId, patientId, time } = await openForEntry(tx, sessionId);
      const { at: takenAt, late } = clinicalTime(input.takenAt, time, "takenAt", input.lateReason);
      const lateEntryReason = late ? input.lateReason! : null;
      const total = input.itemScores.length ? input.itemScores.reduce((a, b) => a + b, 0) : null;
      const d = await tx.dissociationAssessment.create({
        data: {
          sessionId,
          takenAt,
          present: input.present,
          scale: input.scale,
          itemScores: input.itemScores,
          total,
          recordedById: actor.id,
          recordedAt: now,
          lateEntryReason,
        },
      });
      await appendAudit(tx, { actor, action: "dissociation.record", entityType: "DissociationAssessment", entityId: d.id, siteId, patientId, after: d });
      if (lateEntryReason)
        await noteLateEntry(tx, actor, {
          sessionId,
          siteId,
          patientId,
          entityType: "DissociationAssessment",
          entityId: d.id,
          at: takenAt,
          reason: lateEntryReason,
        });
      return { id: d.id };
    }),
  };
}

/**
 * R26: a documented symptom of a hypertensive crisis opens a serious hypertension event at once; the
 * session then shows the emergency-referral banner until the event is resolved or the patient is transferred.
 */
export async function recordHypertensiveCrisis(actor: Actor, sessionId: string, input: z.output<typeof crisisSchema>) {
  return {
    result: await transaction(async (tx) => {
      const { now, siteId, patientId, time } = await openForEntry(tx, sessionId);
      const { at: onsetAt, late } = clinicalTime(input.notedAt, time, "notedAt", input.lateReason);
      const lateEntryReason = late ? input.lateReason! : null;
      const description = `Hypertensive crisis symptoms: ${input.symptoms.map((s) => CRISIS_SYMPTOMS[s].toLowerCase()).join(", ")}. Emergency care indicated.`;
      const ae = await tx.adverseEvent.create({
        data: { sessionId, siteId, patientId, type: "HYPERTENSION", description, serious: true, onsetAt, recordedById: actor.id, lateEntryReason },
        select: { id: true },
      });
      await appendAudit(tx, {
        actor,
        action: "adverse_event.open",
        entityType: "AdverseEvent",
        entityId: ae.id,
        siteId,
        patientId,
        after: { ...input, description },
        reason: "R26_HYPERTENSIVE_CRISIS",
      });
      if (lateEntryReason)
        await noteLateEntry(tx, actor, { sessionId, siteId, patientId, entityType: "AdverseEvent", entityId: ae.id, at: onsetAt, reason: lateEntryReason });
      await recordAlerts(
        tx,
        actor,
        { sessionId, siteId, patientId },
        { entityType: "AdverseEvent", entityId: ae.id },
        [{ code: "R26_CRISIS", rule: "R26", severity: "urgent", message: `${description} Refer now: record the emergency transfer.` }],
        now,
      );
      return { id: ae.id };
    }),
  };
}
