// What a psychiatrist signs, in words: built from the same content that is hashed for the signature
// (`signedContent` in ./data), so the screen shows exactly what the hash covers. Pure: no I/O.
import { dateOnly, siteDay } from "@/lib/time/days";
import { formatDay, formatTime } from "@/lib/time/format";

type Row = { [key: string]: unknown };
/** The shape of `signedContent(...)` as far as the summary reads it. */
export type SignedContent = {
  session: Row;
  checklist: Row | null;
  vitals: Row[];
  devices: Row[];
  sedation: Row[];
  dissociation: Row[];
  adverseEvents: Row[];
  decisions: Row[];
  deviations: Row[];
  discharge: Row | null;
};

export type SummaryLine = { label: string; value: string; struck?: boolean };
export type SummarySection = { id: string; title: string; lines: SummaryLine[]; empty: string };

const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const yesNo = (v: unknown) => (v === true ? "Yes" : v === false ? "No" : "Not answered");
const lower = (v: unknown) =>
  String(v ?? "")
    .toLowerCase()
    .replaceAll("_", " ");
const live = (rows: Row[]) => rows.filter((r) => r.enteredInErrorAt == null);
const byTime = (key: string) => (a: Row, b: Row) => date(a[key])!.getTime() - date(b[key])!.getTime();

const CONMEDS: [string, string][] = [
  ["conmedBenzodiazepines", "Benzodiazepines"],
  ["conmedSedativeHypnotics", "Non-benzodiazepine sedative hypnotics"],
  ["conmedPsychostimulants", "Psychostimulants"],
  ["conmedMaois", "MAOIs"],
  ["conmedOpioids", "Opioids"],
];

/** The signed record as labelled lines, in the order a reviewer reads a session. */
export function signedSummary(content: SignedContent, timeZone: string): SummarySection[] {
  const clock = (v: unknown) => {
    const d = date(v);
    return d ? formatTime(d, timeZone) : "—";
  };
  const devices = live(content.devices).sort(byTime("administeredAt"));
  const t0 = devices[0] ? date(devices[0].administeredAt)! : null;
  const sinceT0 = (v: unknown) =>
    t0
      ? ` (T0${(() => {
          const m = Math.floor((date(v)!.getTime() - t0.getTime()) / 60_000);
          return m >= 0 ? `+${m}` : `−${-m}`;
        })()} min)`
      : "";
  const s = content.session;

  const session: SummaryLine[] = [
    {
      label: "Treatment date",
      value: s.checkedInAt ? formatDay(siteDay(date(s.checkedInAt)!, timeZone)) : s.treatmentDate ? formatDay(dateOnly(date(s.treatmentDate)!)) : "—",
    },
    { label: "Checked in", value: clock(s.checkedInAt) },
    { label: "End of monitoring", value: clock(s.endOfMonitoringAt) },
    { label: "Status", value: lower(s.status) },
  ];

  const c = content.checklist;
  const checklist: SummaryLine[] = c
    ? [
        { label: "REMS enrollment verified", value: c.enrollmentVerifiedAt ? `Yes, ${clock(c.enrollmentVerifiedAt)}` : "No" },
        { label: "Counselling verified", value: c.counsellingVerifiedAt ? `Yes, ${clock(c.counsellingVerifiedAt)}` : "No" },
        { label: "Ride home", value: c.rideType ? `${lower(c.rideType)}${c.driverName ? ` — ${c.driverName}` : ""}` : "Not answered" },
        { label: "Last food", value: clock(c.lastFoodAt) },
        { label: "Last liquid", value: clock(c.lastLiquidAt) },
        { label: "Nasal medication", value: c.nasalMedicationAt ? clock(c.nasalMedicationAt) : "None recorded" },
        ...CONMEDS.map(([key, label]) => ({ label, value: yesNo(c[key]) })),
        { label: "Medication answers confirmed", value: c.conmedConfirmedAt ? `Yes, ${clock(c.conmedConfirmedAt)}` : "No" },
        { label: "Pregnancy", value: c.pregnancyStatus ? lower(c.pregnancyStatus) : "Not answered" },
      ]
    : [];

  const dose: SummaryLine[] = [
    { label: "Dose", value: s.plannedDoseMg ? `${s.plannedDoseMg} mg${s.otherDoseReason ? ` — ${s.otherDoseReason}` : ""}` : "—" },
    ...[...content.devices].sort(byTime("administeredAt")).map((d) => {
      const device = (d.device ?? {}) as { serial?: string; lot?: { lotNumber?: string; expiresOn?: unknown } };
      const expires = device.lot?.expiresOn ? `, expires ${formatDay(dateOnly(date(device.lot.expiresOn)!))}` : "";
      return {
        label: `Device ${d.sequence}`,
        value: `${clock(d.administeredAt)}${sinceT0(d.administeredAt)} — ${device.serial ?? "?"}, lot ${device.lot?.lotNumber ?? "?"}${expires}`,
        struck: d.enteredInErrorAt != null,
      };
    }),
  ];

  const bps = live(content.vitals)
    .filter((v) => v.systolic != null)
    .sort(byTime("takenAt"));
  const bp = (v: Row | undefined) => (v ? `${v.systolic}/${v.diastolic} at ${clock(v.takenAt)}${sinceT0(v.takenAt)}` : "—");
  const after = t0 ? bps.filter((v) => date(v.takenAt)!.getTime() >= t0.getTime()) : [];
  const peak = after.reduce<Row | undefined>((m, v) => (!m || Number(v.systolic) > Number(m.systolic) ? v : m), undefined);
  const spo2s = live(content.vitals).filter((v) => v.spo2 != null);
  const lowest = spo2s.reduce<Row | undefined>((m, v) => (!m || Number(v.spo2) < Number(m.spo2) ? v : m), undefined);
  const inError = content.vitals.length - live(content.vitals).length;
  const vitals: SummaryLine[] = content.vitals.length
    ? [
        { label: "Pre-dose BP", value: bp(bps.filter((v) => v.kind === "PRE_DOSE").at(-1)) },
        { label: "40-minute BP", value: bp(bps.find((v) => v.kind === "POST_40")) },
        { label: "Peak post-dose BP", value: bp(peak) },
        { label: "Pre-discharge BP", value: bp(bps.filter((v) => v.kind === "PRE_COMPLETION").at(-1) ?? after.at(-1)) },
        { label: "Lowest SpO₂", value: lowest ? `${lowest.spo2} % at ${clock(lowest.takenAt)}` : "—" },
        { label: "Readings", value: `${live(content.vitals).length}${inError ? `, and ${inError} entered in error` : ""}` },
      ]
    : [];

  const observation: SummaryLine[] = [
    ...live(content.sedation)
      .sort(byTime("takenAt"))
      .map((x) => ({ label: `MOAA/S at ${clock(x.takenAt)}`, value: String(x.moaas) })),
    ...live(content.dissociation)
      .sort(byTime("takenAt"))
      .map((x) => ({
        label: `Dissociation at ${clock(x.takenAt)}`,
        value: `${x.present ? "present" : "absent"}${x.total != null ? `, CADSS-6 total ${x.total}` : ""}`,
      })),
  ];

  const events: SummaryLine[] = [...content.adverseEvents].sort(byTime("onsetAt")).map((a) => ({
    label: `${lower(a.type)}${a.serious ? " (serious)" : ""} at ${clock(a.onsetAt)}`,
    value: `${a.description}${(a.interventions as string[] | undefined)?.length ? ` — interventions: ${(a.interventions as string[]).join("; ")}` : ""}${a.resolvedAt ? ` — resolved ${clock(a.resolvedAt)}` : " — open"}`,
  }));

  const decisions: SummaryLine[] = [
    ...[...content.decisions]
      .sort(byTime("decidedAt"))
      .map((d) => ({ label: `Prescriber decision at ${clock(d.decidedAt)}`, value: `${lower(d.decision)} — ${d.reason}` })),
    ...[...content.deviations].sort(byTime("detectedAt")).map((d) => ({
      label: `${d.code === "R49_LATE_ENTRY" ? "Late entry" : "Protocol deviation"} at ${clock(d.detectedAt)}`,
      value: `${d.description}${d.reason ? ` — reason: ${d.reason}` : ""}`,
    })),
  ];

  const d = content.discharge;
  const discharge: SummaryLine[] = !d
    ? []
    : d.outcome === "EMERGENCY_TRANSFER"
      ? [
          { label: "Outcome", value: `Emergency transfer at ${clock(d.decidedAt)}${sinceT0(d.decidedAt)}` },
          { label: "Receiving service", value: String(d.receivingService ?? "—") },
        ]
      : [
          { label: "Outcome", value: `Discharged at ${clock(d.decidedAt)}${sinceT0(d.decidedAt)}` },
          { label: "Vital signs acceptable before administration", value: yesNo(d.vitalsAcceptablePreAdministration) },
          { label: "Vital signs acceptable before completion", value: yesNo(d.vitalsAcceptablePreCompletion) },
          { label: "Ride confirmed", value: yesNo(d.rideConfirmed) },
          { label: "Told not to drive until the next day after sleep", value: yesNo(d.noDrivingReminder) },
          ...(d.readyToLeaveMinutes != null ? [{ label: "Ready to leave after", value: `${d.readyToLeaveMinutes} min` }] : []),
        ];

  return [
    { id: "session", title: "Session", lines: session, empty: "" },
    { id: "discharge", title: "Discharge answers", lines: discharge, empty: "No discharge recorded." },
    { id: "checklist", title: "Pre-dose checklist", lines: checklist, empty: "No checklist recorded." },
    { id: "dose", title: "Dose and devices", lines: dose, empty: "" },
    { id: "vitals", title: "Vital signs", lines: vitals, empty: "No vital signs recorded." },
    { id: "observation", title: "Sedation and dissociation", lines: observation, empty: "None recorded." },
    { id: "events", title: "Adverse events", lines: events, empty: "None recorded." },
    { id: "decisions", title: "Decisions and deviations", lines: decisions, empty: "None recorded." },
  ];
}
