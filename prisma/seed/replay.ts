// Writes the planned demo through the app's own commands, the ones the routes call: every record is
// made by a lib/ function inside atTime(when it happened), in time order across the whole clinic, by
// the person who did it. Planned ids (prisma/seed/rows.ts) only link the plan; the commands make the
// real rows and this file maps one onto the other. Nothing is inserted directly.
import { atTime } from "../../lib/clock";
import { dateOnly, siteDay } from "../../lib/time/days";
import { db } from "../../lib/db/client";
import { HttpError } from "../../lib/http/errors";
import type { CurrentUser } from "../../lib/auth/current-user";
import { firstRun } from "../../lib/setup/first-run";
import { firstRunSchema } from "../../lib/setup/schema";
import { createSite } from "../../lib/sites/data";
import { siteCreateSchema } from "../../lib/sites/schema";
import { createUser } from "../../lib/users/data";
import { createUserSchema } from "../../lib/users/schema";
import { resetPasswordWithCode } from "../../lib/auth/password-reset";
import { resetWithCodeSchema } from "../../lib/auth/schema";
import { createPatient } from "../../lib/patients/data";
import { newPatientSchema, addFlagSchema } from "../../lib/patients/schema";
import { addFlag } from "../../lib/patients/flags";
import { addMedication } from "../../lib/patients/medications";
import { medicationSchema } from "../../lib/patients/medication-schema";
import { recordCounselling, recordEnrollment } from "../../lib/patients/enrollment";
import { counsellingSchema, enrollmentSchema } from "../../lib/patients/enrollment-schema";
import { recordTransfer } from "../../lib/patients/transfers";
import { transferSchema as patientTransferSchema } from "../../lib/patients/transfer-schema";
import { receiveLot, wasteDevice } from "../../lib/inventory/data";
import { receiveLotSchema, wasteDeviceSchema } from "../../lib/inventory/schema";
import { addTrial } from "../../lib/outcomes/trials";
import { recordOutcome } from "../../lib/outcomes/data";
import { outcomeSchema, trialSchema } from "../../lib/outcomes/schema";
import { markPmfSubmitted } from "../../lib/pmf/worklist";
import { submitPmfSchema } from "../../lib/pmf/schema";
import { signSession } from "../../lib/signoff/data";
import { signSessionSchema } from "../../lib/signoff/schema";
import {
  checkIn,
  decideGate,
  designateFortyMinute,
  discharge,
  recordAdverseEvent,
  recordDevice,
  recordDissociation,
  recordSedation,
  recordVital,
  resolveAdverseEvent,
  saveChecklist,
  setDose,
  updateAdverseEvent,
} from "../../lib/sessions/commands";
import {
  adverseEventSchema,
  adverseEventUpdateSchema,
  checkInSchema,
  checklistSchema,
  designateFortySchema,
  deviceSchema,
  dischargeSchema,
  dissociationSchema,
  doseSchema,
  gateDecisionSchema,
  sedationSchema,
  vitalsSchema,
} from "../../lib/sessions/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./clinic";
import type { Rows } from "./rows";
import { addMin, addSec } from "./time";

/** Who runs a command, with the sites on their account (administrators act only for their own sites). */
type Actor = { id: string; email: string; role: string; siteIds: string[] };
type Step = { at: Date; what: string; run: () => Promise<unknown> };

const iso = (d: Date | string | null | undefined) => (d == null ? "" : typeof d === "string" ? d.slice(0, 10) : dateOnly(d));
const localDay = siteDay;

/** Later facts that are not rows of their own: who submitted which form, who signed, rule-opened events. */
export type Followups = {
  /** Planned adverse-event ids that a rule opens from readings (R27): the nurse adds interventions and resolves them. */
  ruleOpened: Set<string>;
  pmfSubmissions: { sessionId: string; at: Date; byId: string; channel: "ONLINE" | "FAX"; confirmation: string }[];
  signatures: { sessionId: string; at: Date; signerId: string; meaning: "REVIEWED" | "APPROVED_DISCHARGE" }[];
  /** A reading entered as an extra one, then designated as the 40-minute BP with the reason (R25). */
  designations: { sessionId: string; vitalId: string; at: Date; byId: string; reason: string }[];
};

export async function replay(rows: Rows, follow: Followups) {
  const steps: Step[] = [];
  const add = (at: Date | string | null | undefined, what: string, run: () => Promise<unknown>) => {
    if (at == null) throw new Error(`seed: no time for ${what}`);
    steps.push({ at: new Date(at), what, run });
  };
  /** Planned id → the id the command made. */
  const real = new Map<string, string>();
  const id = (planned: string | null | undefined) => {
    const r = planned && real.get(planned);
    if (!r) throw new Error(`seed: ${planned} has not been made yet`);
    return r;
  };
  const actors = new Map<string, Actor>();
  const actor = (plannedUserId: string | null | undefined) => {
    const a = plannedUserId && actors.get(plannedUserId);
    if (!a) throw new Error(`seed: user ${plannedUserId} has not been made yet`);
    return a;
  };
  const users = new Map<string, CurrentUser>();
  const currentUser = async (plannedUserId: string | null | undefined): Promise<CurrentUser> => {
    const a = actor(plannedUserId);
    const known = users.get(a.id);
    if (known) return known;
    const u = await db().user.findUniqueOrThrow({
      where: { id: a.id },
      select: { firstName: true, lastName: true, sites: { select: { site: { select: { id: true, code: true, name: true, timeZone: true } } } } },
    });
    const user = {
      ...a,
      role: a.role as CurrentUser["role"],
      name: `${u.firstName} ${u.lastName}`,
      siteIds: u.sites.map((s) => s.site.id),
      sites: u.sites.map((s) => s.site),
    } as CurrentUser;
    users.set(a.id, user);
    return user;
  };
  const siteOf = new Map(rows.sites.map((s) => [s.id!, s]));
  const patientSite = new Map(rows.patients.map((p) => [p.id!, siteOf.get(p.siteId)!]));

  // --- Sites and staff: the first administrator and the first site by first run, then the administrator's own screens.
  const emailOf = new Map(rows.users.map((u) => [u.id!, u.email]));
  const accountOf = (plannedUserId: string) => DEMO_ACCOUNTS.find((a) => a.email === emailOf.get(plannedUserId))!;
  const admin = rows.users.find((u) => u.role === "ADMIN")!;
  const siteInput = (s: Rows["sites"][number]) => {
    const ar = rows.representatives.find((r) => r.siteId === s.id)!;
    return siteCreateSchema.parse({
      code: s.code,
      name: s.name,
      settingType: s.settingType,
      certificationStatus: s.certificationStatus,
      certifiedAt: iso(s.certifiedAt as Date),
      remsSettingId: s.remsSettingId ?? "",
      acquisitionMethods: s.acquisitionMethods,
      pulseOximeterAttested: s.pulseOximeterAttested,
      address1: s.address1,
      address2: s.address2 ?? "",
      city: s.city,
      state: s.state,
      zip: s.zip,
      phone: s.phone ?? "",
      timeZone: s.timeZone,
      postDoseAlertSystolic: 180,
      postDoseAlertDiastolic: 110,
      urgentSystolic: 200,
      urgentDiastolic: 120,
      spo2AlertThreshold: 93,
      idleLockMinutes: 10,
      lateEntryMinutes: 10,
      observationAnchor: "FIRST_DEVICE",
      arName: ar.name,
      arEmail: ar.email ?? "",
      arPhone: ar.phone ?? "",
      arFromDate: iso(ar.fromDate as Date),
      chairs: rows.chairs.filter((c) => c.siteId === s.id).map((c) => ({ label: c.label })),
    });
  };
  const noteSite = async (plannedSiteId: string, siteId: string) => {
    real.set(plannedSiteId, siteId);
    const chairs = await db().chair.findMany({ where: { siteId }, select: { id: true, label: true } });
    for (const c of rows.chairs.filter((x) => x.siteId === plannedSiteId)) real.set(c.id!, chairs.find((x) => x.label === c.label)!.id);
  };
  const setupAt = addMin(new Date(Math.max(...rows.sites.map((s) => new Date(s.certifiedAt as Date).getTime()))), 60);
  const [firstSite, ...otherSites] = rows.sites;
  add(setupAt, "first run", async () => {
    const a = accountOf(admin.id!);
    const r = await firstRun(
      firstRunSchema.parse({
        admin: { firstName: a.firstName, lastName: a.lastName, email: a.email, telephone: a.telephone, password: DEMO_PASSWORD },
        site: siteInput(firstSite),
      }),
    );
    actors.set(admin.id!, { id: r.userId, email: a.email, role: "ADMIN", siteIds: [r.siteId] });
    real.set(admin.id!, r.userId);
    await noteSite(firstSite.id!, r.siteId);
  });
  otherSites.forEach((s, i) =>
    add(addMin(setupAt, 5 + i), `site ${s.code}`, async () => {
      const { id: siteId } = await createSite(actor(admin.id!), siteInput(s));
      actor(admin.id!).siteIds.push(siteId); // the creating administrator gets the new site on their account
      await noteSite(s.id!, siteId);
    }),
  );
  rows.users
    .filter((u) => u !== admin)
    .forEach((u, i) =>
      add(addMin(setupAt, 10 + i), `user ${u.email}`, async () => {
        const a = accountOf(u.id!);
        const siteIds = rows.userSites.filter((x) => x.userId === u.id).map((x) => id(x.siteId));
        const r = await createUser(
          actor(admin.id!),
          createUserSchema.parse({ firstName: a.firstName, lastName: a.lastName, email: a.email, role: a.role, telephone: a.telephone, siteIds }),
        );
        actors.set(u.id!, { id: r.id, email: a.email, role: a.role, siteIds });
        real.set(u.id!, r.id);
        // The new colleague chooses their password with the one-time code the administrator gave them.
        await resetPasswordWithCode(resetWithCodeSchema.parse({ email: a.email, code: r.code, password: DEMO_PASSWORD, confirm: DEMO_PASSWORD }), { ip: null });
      }),
    );
  const nurseOfSite = (plannedSiteId: string) =>
    rows.users.find((u) => u.role === "NURSE" && rows.userSites.some((x) => x.userId === u.id && x.siteId === plannedSiteId))!.id!;
  const psychiatrist = rows.users.find((u) => u.role === "PSYCHIATRIST")!.id!;

  // --- Stock: each lot received by the command; devices are found by their serial.
  for (const l of rows.lots)
    add(l.receivedAt, `lot ${l.lotNumber}`, async () => {
      const r = await receiveLot(
        actor(l.receivedById),
        receiveLotSchema.parse({
          siteId: id(l.siteId),
          ndc: l.ndc,
          lotNumber: l.lotNumber,
          expiresOn: iso(l.expiresOn as Date),
          deviceCount: l.deviceCount,
          supplier: l.supplier,
          receivedById: id(l.receivedById),
          receivedAt: l.receivedAt,
        }),
      );
      real.set(l.id!, r.id);
      for (const d of await db().device.findMany({ where: { lotId: r.id }, select: { id: true, serial: true } })) deviceBySerial.set(d.serial, d.id);
    });
  const serialOf = new Map(rows.devices.map((d) => [d.id!, d.serial]));
  const deviceBySerial = new Map<string, string>();
  const deviceId = async (plannedDeviceId: string) =>
    deviceBySerial.get(serialOf.get(plannedDeviceId)!) ??
    (await db().device.findFirstOrThrow({ where: { serial: serialOf.get(plannedDeviceId)! }, select: { id: true } })).id;

  // --- Patients: registration, medication list, flags, enrollment and counselling, trials, transfers.
  for (const p of rows.patients) {
    const site = siteOf.get(p.siteId)!;
    const nurse = nurseOfSite(p.siteId);
    add(p.createdAt, `patient ${p.mrn}`, async () => {
      const r = await createPatient(
        actor(nurse),
        newPatientSchema.parse({
          siteId: id(p.siteId),
          mrn: p.mrn,
          firstName: p.firstName,
          middleInitial: p.middleInitial ?? "",
          lastName: p.lastName,
          birthDate: iso(p.birthDate as Date),
          sex: p.sex,
          phone: p.phone ?? "",
          indication: p.indication,
        }),
      );
      real.set(p.id!, r.id);
    });
    rows.medications
      .filter((m) => m.patientId === p.id)
      .forEach((m, i) =>
        add(addSec(new Date(p.createdAt as Date), 60 + i), `medication ${p.mrn}`, () =>
          addMedication(
            actor(nurse),
            id(p.id),
            medicationSchema.parse({
              name: m.name,
              drugClass: m.drugClass,
              dose: "",
              startedOn: iso(m.startedOn as Date),
              stoppedOn: iso(m.stoppedOn as Date | null),
            }),
          ),
        ),
      );
    for (const f of rows.flags.filter((x) => x.patientId === p.id))
      add(f.recordedAt, `flag ${p.mrn}`, () => addFlag(actor(f.recordedById), id(p.id), addFlagSchema.parse({ kind: f.kind, note: f.note ?? "" })));
    for (const e of rows.enrollments.filter((x) => x.patientId === p.id))
      add(e.submittedAt, `enrollment ${p.mrn}`, () =>
        recordEnrollment(
          actor(e.prescriberId),
          id(p.id),
          enrollmentSchema.parse({
            prescriberId: id(e.prescriberId),
            patientSignedOn: localDay(new Date(e.patientSignedAt as Date), site.timeZone!),
            prescriberSignedOn: localDay(new Date(e.prescriberSignedAt as Date), site.timeZone!),
            submittedOn: localDay(new Date(e.submittedAt as Date), site.timeZone!),
            channel: e.channel,
            remsConfirmation: e.remsConfirmation,
          }),
        ),
      );
    for (const c of rows.counselling.filter((x) => x.patientId === p.id))
      add(c.counselledAt, `counselling ${p.mrn}`, () =>
        recordCounselling(
          actor(c.counselledById),
          id(p.id),
          counsellingSchema.parse({
            counselledById: id(c.counselledById),
            counselledAt: new Date(c.counselledAt as Date).toISOString(),
            topics: c.topics,
          }),
        ),
      );
    rows.trials
      .filter((t) => t.patientId === p.id)
      .forEach((t, i) =>
        add(addSec(new Date(t.createdAt as Date), 30 * 60 + i), `trial ${p.mrn}`, () =>
          addTrial(
            actor(psychiatrist),
            id(p.id),
            trialSchema.parse({
              drug: t.drug,
              mechanismClass: t.mechanismClass,
              doseMg: t.doseMg,
              adequateDose: t.adequateDose,
              weeks: t.weeks,
              adherent: t.adherent,
              outcome: t.outcome,
              startedOn: iso(t.startedOn as Date | null) || undefined,
            }),
          ),
        ),
      );
  }
  for (const t of rows.transfers) {
    add(t.createdAt, "transfer", () =>
      recordTransfer(
        actor(psychiatrist),
        id(t.patientId),
        patientTransferSchema.parse({
          toSettingName: t.toSettingName,
          transferDate: iso(t.transferDate as Date),
          remsNotifiedOn: t.remsNotifiedAt ? localDay(new Date(t.remsNotifiedAt as Date), patientSite.get(t.patientId)!.timeZone!) : "",
        }),
      ),
    );
  }

  // --- Sessions, entry by entry at the chair.
  for (const s of rows.sessions) {
    const sid = () => id(s.id);
    add(s.checkedInAt, `check-in ${s.id}`, async () => {
      const { result } = await checkIn(
        actor(s.monitoringHcpId),
        checkInSchema.parse({
          patientId: id(s.patientId),
          chairId: id(s.chairId),
          prescriberOnSiteId: id(s.prescriberOnSiteId),
          monitoringHcpId: id(s.monitoringHcpId),
          indication: s.indication,
        }),
      );
      real.set(s.id!, result.id);
    });
    const c = rows.checklists.find((x) => x.sessionId === s.id)!;
    add(c.createdAt, "checklist", () =>
      saveChecklist(
        actor(c.completedById),
        sid(),
        checklistSchema.parse({
          version: 0,
          rideType: c.rideType,
          driverName: c.driverName ?? "",
          driverPhone: c.driverPhone ?? "",
          lastFoodAt: c.lastFoodAt,
          lastLiquidAt: c.lastLiquidAt,
          nasalMedicationAt: c.nasalMedicationAt ?? undefined,
          conmedBenzodiazepines: c.conmedBenzodiazepines,
          conmedSedativeHypnotics: c.conmedSedativeHypnotics,
          conmedPsychostimulants: c.conmedPsychostimulants,
          conmedMaois: c.conmedMaois,
          conmedOpioids: c.conmedOpioids,
          conmedConfirmed: true,
          pregnancyStatus: c.pregnancyStatus,
          enrollmentVerified: !!c.enrollmentVerifiedAt,
        }),
      ),
    );
    add(addSec(new Date(c.createdAt as Date), 20), "dose", async () => {
      const { version } = await db().treatmentSession.findUniqueOrThrow({ where: { id: sid() }, select: { version: true } });
      return setDose(actor(c.completedById), sid(), doseSchema.parse({ version, doseOption: String(s.plannedDoseMg) }));
    });
    for (const v of rows.vitals.filter((x) => x.sessionId === s.id))
      add(v.recordedAt, `vital ${v.kind}`, async () => {
        const { result } = await recordVital(
          actor(v.recordedById),
          sid(),
          vitalsSchema.parse({
            kind: v.kind,
            takenAt: v.takenAt,
            systolic: v.systolic ?? undefined,
            diastolic: v.diastolic ?? undefined,
            heartRate: v.heartRate ?? undefined,
            spo2: v.spo2 ?? undefined,
            respiratoryRate: v.respiratoryRate ?? undefined,
          }),
        );
        real.set(v.id!, result.id);
      });
    for (const d of rows.decisions.filter((x) => x.sessionId === s.id))
      add(d.decidedAt, `decision ${d.rule}`, () =>
        decideGate(actor(d.prescriberId), sid(), gateDecisionSchema.parse({ rule: d.rule, decision: d.decision, reason: d.reason })),
      );
    for (const a of rows.administrations.filter((x) => x.sessionId === s.id))
      add(a.recordedAt, `device ${a.sequence}`, async () => {
        const input = { deviceId: await deviceId(a.deviceId), administeredAt: new Date(a.administeredAt as Date) };
        try {
          return await recordDevice(actor(a.recordedById), sid(), deviceSchema.parse(input));
        } catch (e) {
          // The nurse reads the SOFT warnings the screen shows, ticks them, and gives the device.
          if (!(e instanceof HttpError) || e.code !== "WARNINGS_NOT_ACKNOWLEDGED") throw e;
          const codes = (e.details as { unmet: { code: string }[] }).unmet.map((w) => w.code);
          return recordDevice(actor(a.recordedById), sid(), deviceSchema.parse({ ...input, acknowledgedWarnings: codes }));
        }
      });
    for (const x of rows.sedation.filter((y) => y.sessionId === s.id))
      add(x.recordedAt, "MOAA/S", () => recordSedation(actor(x.recordedById), sid(), sedationSchema.parse({ takenAt: x.takenAt, moaas: x.moaas })));
    for (const x of rows.dissociation.filter((y) => y.sessionId === s.id))
      add(x.recordedAt, "dissociation", () =>
        recordDissociation(actor(x.recordedById), sid(), dissociationSchema.parse({ takenAt: x.takenAt, present: x.present })),
      );
    for (const ae of rows.adverseEvents.filter((x) => x.sessionId === s.id)) {
      const nurse = actor.bind(null, ae.recordedById);
      let eventId = "";
      if (follow.ruleOpened.has(ae.id!)) {
        // Opened by the readings themselves (R27); the nurse adds what was done and classifies it.
        add(ae.createdAt, `event ${ae.type} interventions`, async () => {
          const open = await db().adverseEvent.findFirstOrThrow({ where: { sessionId: sid(), type: ae.type, resolvedAt: null }, select: { id: true } });
          eventId = open.id;
          return updateAdverseEvent(
            nurse(),
            sid(),
            eventId,
            adverseEventUpdateSchema.parse({ addInterventions: ae.interventions, serious: ae.serious || undefined, reason: ae.description }),
          );
        });
      } else {
        add(ae.createdAt, `event ${ae.type}`, async () => {
          const { result } = await recordAdverseEvent(
            nurse(),
            sid(),
            adverseEventSchema.parse({
              type: ae.type,
              description: ae.description,
              serious: ae.serious,
              onsetAt: ae.onsetAt,
              interventions: ae.interventions ?? [],
              spo2Nadir: ae.spo2Nadir ?? undefined,
            }),
          );
          eventId = result.id;
        });
      }
      if (ae.resolvedAt)
        add(addSec(new Date(ae.resolvedAt as Date), 30), `event ${ae.type} resolved`, () =>
          resolveAdverseEvent(nurse(), sid(), eventId, new Date(ae.resolvedAt as Date), ae.outcome ?? "Resolved"),
        );
    }
    const d = rows.discharges.find((x) => x.sessionId === s.id);
    if (d)
      add(d.decidedAt, "discharge", () =>
        discharge(
          actor(d.hcpId),
          sid(),
          dischargeSchema.parse({
            rideConfirmed: d.rideConfirmed,
            clinicallyStable: true,
            noDrivingReminder: d.noDrivingReminder,
            readyToLeaveMinutes: d.readyToLeaveMinutes,
            vitalsAcceptablePreAdministration: d.vitalsAcceptablePreAdministration,
            vitalsAcceptablePreCompletion: d.vitalsAcceptablePreCompletion,
          }),
        ),
      );
  }
  for (const o of rows.outcomes) {
    add(o.createdAt, `outcome ${o.instrument}`, async () =>
      recordOutcome(
        await currentUser(o.recordedById),
        id(o.patientId),
        outcomeSchema.parse({
          instrument: o.instrument,
          items: o.itemScores,
          takenAt: o.takenAt,
          sessionId: o.sessionId ? id(o.sessionId) : undefined,
        }),
      ),
    );
  }
  for (const w of rows.waste)
    add(w.wastedAt, "waste", async () => {
      const device = await deviceId(w.deviceId);
      const { lotId } = await db().device.findUniqueOrThrow({ where: { id: device }, select: { lotId: true } });
      return wasteDevice(
        actor(w.wastedById),
        lotId,
        wasteDeviceSchema.parse({ deviceId: device, reason: w.reason, witnessId: id(w.witnessId), witnessPassword: DEMO_PASSWORD }),
      );
    });
  for (const g of follow.designations) {
    add(g.at, "designation", () =>
      designateFortyMinute(actor(g.byId), id(g.sessionId), designateFortySchema.parse({ vitalId: id(g.vitalId), reason: g.reason })),
    );
  }
  for (const f of follow.pmfSubmissions) {
    add(f.at, "PMF submitted", async () => {
      const pmf = await db().patientMonitoringForm.findFirstOrThrow({ where: { sessionId: id(f.sessionId) }, select: { id: true, version: true } });
      return markPmfSubmitted(
        actor(f.byId),
        pmf.id,
        submitPmfSchema.parse({ version: pmf.version, channel: f.channel, confirmation: f.confirmation, submittedAt: f.at }),
      );
    });
  }
  for (const g of follow.signatures) {
    add(g.at, "signature", async () =>
      signSession(await currentUser(g.signerId), id(g.sessionId), signSessionSchema.parse({ meaning: g.meaning, password: DEMO_PASSWORD })),
    );
  }

  // Play: in time order across the clinic (a stable sort keeps each session's same-instant entries in their planned order).
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  const now = Date.now();
  const profile = new Map<string, { n: number; ms: number }>();
  const play = async (step: Step) => {
    if (step.at.getTime() > now) throw new Error(`seed: ${step.what} is planned in the future (${step.at.toISOString()})`);
    try {
      const t = performance.now();
      await atTime(step.at, step.run);
      const k = step.what.split(" ")[0];
      const e = profile.get(k) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += performance.now() - t;
      profile.set(k, e);
    } catch (e) {
      const detail = e instanceof HttpError ? ` ${e.code}: ${e.message} ${JSON.stringify(e.fieldErrors ?? {})} ${JSON.stringify(e.details ?? {})}` : "";
      throw new Error(`seed: ${step.what} at ${step.at.toISOString()} failed:${detail}`, { cause: e });
    }
  };
  for (const step of steps) await play(step);
  if (process.env.SEED_PROFILE)
    console.log(
      [...profile]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, v]) => `${k}: ${v.n} × ${(v.ms / v.n).toFixed(0)} ms = ${(v.ms / 1000).toFixed(1)} s`)
        .join("\n"),
    );
  return { commands: steps.length, real };
}
