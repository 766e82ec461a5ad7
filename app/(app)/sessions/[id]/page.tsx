import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { can } from "@/lib/auth/permissions";
import { sessionView } from "@/lib/sessions/view";
import { flagLabel } from "@/lib/sessions/eligibility-rules";
import { plain } from "@/lib/dto/plain";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/patients/badges";
import {
  AdverseEventForm,
  AdverseEventUpdateForm,
  AmendmentForm,
  ChecklistForm,
  CrisisForm,
  DeviationForm,
  DeviceForm,
  DischargePanel,
  DissociationForm,
  DoseCorrectionForm,
  DoseForm,
  GatePanel,
  NotDosedForm,
  ResolveAdverseEvent,
  SedationForm,
  VitalsForm,
} from "@/components/sessions/lazy-forms";
import { SessionBilling } from "@/components/billing/session-billing";
import { AuditPacketLinks } from "@/components/packet/audit-packet-links";
import { EntryTimeProvider } from "@/components/sessions/entry-time";
import { Timeline, type TimelineEntry } from "@/components/sessions/timeline";
import { DraftSync } from "@/components/sessions/draft-sync";
import { SessionRecord } from "@/components/sessions/session-record";
import { sessionChart } from "@/lib/review/session-chart";
import { amendmentsOf, signatureOf } from "@/lib/signoff/data";
import { SIGNATURE_MEANINGS, type SignatureMeaning } from "@/lib/signoff/rules";
import { formatDateTime } from "@/lib/patients/format";
import { LazySessionBpChart } from "@/components/review/lazy-charts";
import { SessionVitalsTable } from "@/components/review/session-vitals-table";
import { formatTime } from "@/lib/time/format";
import { gateName } from "@/lib/sessions/gates";
import { SessionCockpit } from "@/components/sessions/session-cockpit";
import { StepFold } from "@/components/sessions/step-fold";
import { formatDay } from "@/lib/time/format";

export const metadata: Metadata = { title: "Session" };
const ACTIVE = ["CHECKED_IN", "DOSING", "MONITORING"];
const CLOSED: Record<string, string> = {
  DISCHARGED: "is discharged",
  EMERGENCY_TRANSFER: "ended in an emergency transfer",
  CANCELLED: "was cancelled",
  RESCHEDULED: "was rescheduled",
  NOT_DOSED: "ended without a dose",
};

/** One step of the session; a step that is done is folded when the page opens (one tap to open and correct). */
function Step({ id, n, title, done = false, children }: { id: string; n: number; title: string; done?: boolean; children: React.ReactNode }) {
  return (
    <section id={id} aria-label={title} className="scroll-mt-48 rounded-lg border border-slate-200 bg-white p-4">
      <StepFold
        done={done}
        summary={
          <>
            <h2>
              {n}. {title}
            </h2>{" "}
            {done && <span className="text-sm font-normal text-green-800">✓ done</span>}
          </>
        }
      >
        {children}
      </StepFold>
    </section>
  );
}

/** Events still open, each with the form that records how it ended. */
function OpenEvents({
  sessionId,
  events,
}: {
  sessionId: string;
  events: { id: string; type: string; serious: boolean; description: string; resolvedAt: string | null }[];
}) {
  return events
    .filter((a) => !a.resolvedAt)
    .map((a) => (
      <div key={a.id} className="mb-3 rounded-md border border-red-300 bg-red-50 p-3">
        <p className="font-medium text-red-900">
          Open: {a.type.toLowerCase().replace("_", " ")}
          {a.serious ? " (serious)" : ""} — {a.description}
        </p>
        <ResolveAdverseEvent sessionId={sessionId} eventId={a.id} />
      </div>
    ));
}

/** Every event of the session with its interventions; each can get an intervention or be classified serious later. */
function EventFacts({
  sessionId,
  events,
}: {
  sessionId: string;
  events: { id: string; type: string; serious: boolean; description: string; interventions: string[] }[];
}) {
  if (!events.length) return null;
  return (
    <ul aria-label="Adverse events of this session" className="mb-3 flex flex-col gap-2">
      {events.map((a) => {
        const label = `${a.type.toLowerCase().replace("_", " ")}${a.serious ? " (serious)" : ""}`;
        return (
          <li key={a.id} className="rounded-md border border-slate-200 p-3">
            <p>
              <span className="font-medium">{label}</span> — {a.description}
            </p>
            {!!a.interventions.length && <p className="text-sm text-slate-700">Interventions: {a.interventions.join("; ")}</p>}
            <AdverseEventUpdateForm sessionId={sessionId} eventId={a.id} serious={a.serious} label={label} />
          </li>
        );
      })}
    </ul>
  );
}

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await authorizeRecordPage("patient.read", "TreatmentSession", id);
  const now = new Date();
  const view = await sessionView(id, now);
  if (!view) notFound();
  const [signature, amendments] = await Promise.all([signatureOf(id), amendmentsOf(id)]);
  const chart = sessionChart({
    readings: view.vitals.map((v) => ({ ...v, enteredInError: !!v.enteredInErrorAt })),
    devices: view.devices.map((d) => ({ ...d, enteredInError: !!d.enteredInErrorAt })),
    endedAt: view.discharge?.decidedAt ?? null,
    outcome: view.discharge?.outcome ?? null,
    checkedInAt: view.checkedInAt,
    timeZone: view.site.timeZone,
  });
  // The DTO client components are built from: dates become ISO strings.
  const s = plain(view);
  const tz = s.site.timeZone;
  const active = ACTIVE.includes(s.status);
  const canRecord = active && can(user.role, "clinical.record");
  const dosed = !!s.state.t0;
  const given = s.devices.filter((d) => !d.enteredInErrorAt).length;
  const bp = (x: { systolic: number | null; diastolic: number | null; heartRate: number | null; spo2: number | null; respiratoryRate: number | null }) =>
    [
      x.systolic != null ? `BP ${x.systolic}/${x.diastolic}` : "",
      x.heartRate != null ? `HR ${x.heartRate}` : "",
      x.spo2 != null ? `SpO₂ ${x.spo2}%` : "",
      x.respiratoryRate != null ? `RR ${x.respiratoryRate}` : "",
    ]
      .filter(Boolean)
      .join(", ");
  const late = (x: { recordedAt: Date | string; lateEntryReason: string | null }) =>
    x.lateEntryReason ? { enteredAt: String(new Date(x.recordedAt).toISOString()), reason: x.lateEntryReason } : null;
  const entries: TimelineEntry[] = [
    ...s.vitals.map((x) => ({
      kind: "vital" as const,
      id: x.id,
      at: x.takenAt,
      inError: x.enteredInErrorReason,
      late: late(x),
      text: `${x.kind === "PRE_DOSE" ? "Pre-dose vital signs" : "Vital signs"}: ${bp(x)}`,
      fortyMinute:
        x.kind === "POST_40"
          ? ("designated" as const)
          : s.state.t0 && x.systolic != null && Date.parse(x.takenAt) >= Date.parse(s.state.t0)
            ? ("candidate" as const)
            : undefined,
    })),
    ...s.devices.map((x) => ({
      kind: "device" as const,
      id: x.id,
      at: x.administeredAt,
      inError: x.enteredInErrorReason,
      late: late(x),
      text: `Device ${x.sequence} given (${x.serial}, lot ${x.lotNumber})`,
    })),
    ...s.sedation.map((x) => ({
      kind: "sedation" as const,
      id: x.id,
      at: x.takenAt,
      inError: x.enteredInErrorReason,
      late: late(x),
      text: `MOAA/S ${x.moaas}`,
    })),
    ...s.dissociation.map((x) => ({
      kind: "dissociation" as const,
      id: x.id,
      at: x.takenAt,
      inError: x.enteredInErrorReason,
      late: late(x),
      text: `Dissociation ${x.present ? "present" : "absent"}${x.total != null ? ` (CADSS-6 total ${x.total})` : ""}`,
    })),
    ...s.decisions.map((x) => ({
      kind: "decision" as const,
      id: x.id,
      at: x.decidedAt,
      inError: null,
      text: `${x.by} decided to ${x.decision.toLowerCase()} (${gateName(x.rule)}): ${x.reason}`,
    })),
    ...s.adverseEvents.map((x) => ({
      kind: "event" as const,
      id: x.id,
      at: x.onsetAt,
      inError: null,
      late: late({ recordedAt: x.createdAt, lateEntryReason: x.lateEntryReason }),
      text: `Adverse event (${x.type.toLowerCase().replace("_", " ")}${x.serious ? ", serious" : ""}): ${x.description}${x.resolvedAt ? " — resolved" : ""}${signature && Date.parse(x.createdAt) > signature.signedAt.getTime() ? " — recorded after sign-off" : ""}`,
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const amendmentText = (a: (typeof amendments)[number]) => ({
    id: a.id,
    text: `${a.correction} — reason: ${a.reason} (${a.author}, ${formatDateTime(a.amendedAt, tz)})`,
  });
  const amendedEntries: Record<string, { id: string; text: string }[]> = {};
  for (const a of amendments) (amendedEntries[`${a.entryKind}:${a.entryId ?? ""}`] ??= []).push(amendmentText(a));
  const closedForGood = s.status === "DISCHARGED" || s.status === "EMERGENCY_TRANSFER";
  const flagBadges = [
    ...s.patient.flags.map((f) => ({
      label: `${f.category === "CONTRAINDICATION" ? "Contraindication" : "Caution"}: ${flagLabel(f.kind)}`,
      tone: f.category === "CONTRAINDICATION" ? ("red" as const) : ("amber" as const),
    })),
    ...(s.patient.hepaticImpairment !== "NONE" ? [{ label: `Hepatic impairment: ${s.patient.hepaticImpairment.toLowerCase()}`, tone: "amber" as const }] : []),
  ];
  return (
    <EntryTimeProvider value={{ lateEntryMinutes: s.site.lateEntryMinutes, backEntered: !!s.backEntryReason, timeZone: tz }}>
      {active && (
        <SessionCockpit
          patient={{ name: s.patient.name, mrn: s.patient.mrn, birthDate: formatDay(s.patient.birthDate), flags: flagBadges }}
          serverNow={now.toISOString()}
          timeZone={tz}
          t0={s.state.t0}
          forty={s.state.forty && { state: s.state.forty.state, dueAt: s.state.forty.dueAt }}
          dischargeAvailableAt={s.state.dischargeAvailableAt}
          gates={s.state.gates}
          alerts={s.state.alerts}
          next={{ text: s.state.nextStep, section: s.state.nextSection }}
        />
      )}
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          {!active && (
            <h1 className="text-2xl font-semibold">
              {s.patient.name} <span className="text-base font-normal text-slate-600">MRN {s.patient.mrn}</span>
            </h1>
          )}
          <p className="text-slate-700">
            {s.site.name} · {s.chair ?? "no chair"} · prescriber on site: {s.prescriberOnSite ?? "none"} · status:{" "}
            <strong>{s.status.replace("_", " ").toLowerCase()}</strong>
            {s.plannedDoseMg ? ` · ${s.plannedDoseMg} mg` : ""}
          </p>
        </div>
        <Link href={`/patients/${s.patient.id}`} className="text-brand-700 underline">
          Patient page
        </Link>
      </div>
      {s.backEntryReason && (
        <div className="mb-4">
          <Alert tone="warning">
            Back-entry: this session is documented after the fact from paper — {s.backEntryReason}. Its times are the paper record&apos;s, from check-in at{" "}
            {formatDateTime(new Date(s.checkedInAt!), tz)}.
          </Alert>
        </div>
      )}
      <DraftSync />
      <GatePanel sessionId={id} gates={active ? s.state.gates : []} canDecide={active && can(user.role, "gate.decide")} />
      {!active && !!s.patient.flags.length && (
        <p className="mb-4 flex flex-wrap gap-2">
          {flagBadges.map((f) => (
            <Badge key={f.label} tone={f.tone}>
              {f.label}
            </Badge>
          ))}
        </p>
      )}
      {!active && (
        <div className="mb-4">
          <Alert tone="info">
            This session {CLOSED[s.status] ?? `is ${s.status.toLowerCase()}`}
            {s.status === "NOT_DOSED" && s.cancelledReason ? ` — ${s.cancelledReason}` : ""}.
            {s.discharge ? ` Monitoring ended at ${formatTime(s.discharge.decidedAt, tz)}.` : ""}
          </Alert>
        </div>
      )}
      <div className="flex flex-col gap-4">
        {canRecord && !dosed && (
          <>
            <Step id="checklist" n={1} title="Pre-dose checklist" done={!!s.checklist?.conmedConfirmedAt}>
              <ChecklistForm sessionId={id} saved={s.checklist} prefill={s.conmedPrefill} />
            </Step>
            <Step
              id="pre-dose"
              n={2}
              title="Pre-dose vital signs"
              done={s.vitals.some((v) => v.kind === "PRE_DOSE" && v.systolic != null && !v.enteredInErrorAt) && !s.state.gates.length}
            >
              <VitalsForm sessionId={id} preDose />
            </Step>
          </>
        )}
        {canRecord && (!s.state.devicesNeeded || given < s.state.devicesNeeded) && (
          <Step id="dose" n={3} title="Dose and devices">
            {!dosed && <DoseForm sessionId={id} version={s.version} doseMg={s.plannedDoseMg} />}
            {s.plannedDoseMg && (
              <div className="mt-4">
                <DeviceForm sessionId={id} nextSequence={given + 1} devicesOnHand={s.devicesOnHand} warnings={s.state.warnings} />
              </div>
            )}
          </Step>
        )}
        {canRecord && !dosed && (
          <section aria-label="Not dosed today" className="no-print rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-lg font-semibold">Not dosed today?</h2>
            <NotDosedForm sessionId={id} patientName={s.patient.name} />
          </section>
        )}
        {active && dosed && can(user.role, "dose.correct") && (
          <section aria-label="Dose correction" className="no-print rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-1 text-lg font-semibold">Dose correction</h2>
            <p className="mb-3 text-slate-700">
              Recorded dose {s.plannedDoseMg} mg, {given} device{given === 1 ? "" : "s"} given. Correct it when the count shows the recorded dose was wrong.
            </p>
            <DoseCorrectionForm sessionId={id} doseMg={s.plannedDoseMg} />
          </section>
        )}
        {canRecord && dosed && (
          <Step id="observation" n={4} title="Observation">
            <VitalsForm sessionId={id} preDose={false} />
            <hr className="my-4" />
            <SedationForm sessionId={id} />
            <hr className="my-4" />
            <DissociationForm sessionId={id} />
          </Step>
        )}
        {canRecord && dosed && (
          <Step id="adverse-events" n={5} title="Adverse events">
            <OpenEvents sessionId={id} events={s.adverseEvents} />
            <EventFacts sessionId={id} events={s.adverseEvents} />
            <CrisisForm sessionId={id} />
            <AdverseEventForm sessionId={id} />
          </Step>
        )}
        {canRecord && dosed && (
          <Step id="discharge" n={6} title="Discharge">
            <DischargePanel
              sessionId={id}
              patientName={s.patient.name}
              factsJson={s.facts}
              serverNowIso={now.toISOString()}
              timeZone={tz}
              outpatient={s.site.settingType === "OUTPATIENT"}
              preCompletion={s.preCompletion}
            />
          </Step>
        )}
        {!!chart.points.length && (
          <section id="vitals" aria-label="Blood pressure and vital signs" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-lg font-semibold">Blood pressure and vital signs</h2>
            <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
              <div className="min-w-0">
                <LazySessionBpChart
                  chart={chart}
                  thresholds={{
                    alertSystolic: s.site.postDoseAlertSystolic,
                    alertDiastolic: s.site.postDoseAlertDiastolic,
                    spo2Alert: s.site.spo2AlertThreshold,
                  }}
                />
              </div>
              <div className="overflow-x-auto">
                <SessionVitalsTable points={chart.points} reasons={Object.fromEntries(s.vitals.map((v) => [v.id, v.enteredInErrorReason]))} />
              </div>
            </div>
          </section>
        )}
        <SessionRecord timeZone={tz} alerts={s.alertsRaised} acknowledgements={s.acknowledgements} deviations={s.deviations}>
          {can(user.role, "clinical.record") && !signature && <DeviationForm sessionId={id} />}
        </SessionRecord>
        <section id="timeline" aria-label="Timeline" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">Timeline</h2>
          {entries.length ? (
            <Timeline sessionId={id} entries={entries} timeZone={tz} t0={s.state.t0} editable={canRecord} amendments={amendedEntries} />
          ) : (
            <p className="text-slate-700">Nothing recorded yet.</p>
          )}
        </section>
        {closedForGood && (
          <section id="sign-off" aria-label="Sign-off" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-lg font-semibold">Sign-off</h2>
            {signature ? (
              <div className="flex flex-col gap-2">
                <p data-testid="signature">
                  Signed by <strong>{signature.printedName}</strong> on {formatDateTime(signature.signedAt, tz)} —{" "}
                  {SIGNATURE_MEANINGS[signature.meaning as SignatureMeaning]}.
                </p>
                {signature.state === "valid" ? (
                  <Alert tone="success">Signature valid: the record is as it was signed. This session is locked; corrections are amendments.</Alert>
                ) : (
                  <Alert tone="error">Changed since signing: the record no longer matches what was signed. Report this to the administrator.</Alert>
                )}
              </div>
            ) : (
              <p className="text-slate-700">Not signed yet{can(user.role, "session.sign") ? "." : ": a psychiatrist signs the session after review."}</p>
            )}
            <p className="no-print mt-2">
              <Link
                href={`/sessions/${id}/sign-off`}
                className={`inline-flex min-h-11 items-center ${!signature && can(user.role, "session.sign") ? "rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800" : "text-brand-700 underline"}`}
              >
                {!signature && can(user.role, "session.sign") ? "Review and sign" : signature ? "What was signed" : "What will be signed"}
              </Link>
            </p>
            {!!amendedEntries["session:"]?.length && (
              <ul className="mt-3 flex flex-col gap-1">
                {amendedEntries["session:"].map((a) => (
                  <li key={a.id} className="border-l-4 border-amber-500 bg-amber-50 px-3 py-1 text-sm">
                    <span className="font-medium">Amendment:</span> {a.text}
                  </li>
                ))}
              </ul>
            )}
            {can(user.role, "clinical.record") && (
              <div className="no-print mt-3">
                <AmendmentForm sessionId={id} entries={entries.map((e) => ({ kind: e.kind, id: e.id, label: `${formatTime(e.at, tz)} ${e.text}` }))} />
              </div>
            )}
          </section>
        )}
        {closedForGood && can(user.role, "clinical.record") && (
          <section
            id="adverse-events"
            aria-label="Adverse events after the session"
            className="no-print scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 className="mb-1 text-lg font-semibold">Adverse events after the session</h2>
            <p className="mb-3 text-slate-700">
              An event learnt of later (a call the next day) is recorded here. An open event must have an end recorded before sign-off.
            </p>
            <OpenEvents sessionId={id} events={s.adverseEvents} />
            <EventFacts sessionId={id} events={s.adverseEvents} />
            <AdverseEventForm sessionId={id} />
          </section>
        )}
        {closedForGood && dosed && can(user.role, "billing.view") && <SessionBilling sessionId={id} />}
        {closedForGood && can(user.role, "packet.export") && <AuditPacketLinks sessionId={id} />}
      </div>
    </EntryTimeProvider>
  );
}
