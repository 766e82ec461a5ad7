"use client";
// The session page's forms, loaded right after the page instead of with it: they carry the validation library (zod)
// and the form library, which the cockpit and the record above them do not need. The page's first-load JavaScript
// stays within its budget (issue 13: 180 KB gzip, `scripts/first-load-js.ts`); each form shows at once when loaded.
import dynamic from "next/dynamic";

const loading = () => <p className="py-2 text-sm text-slate-700">Loading the form…</p>;
const lazy = <P,>(load: () => Promise<React.ComponentType<P>>) => dynamic(load, { ssr: false, loading });

export const ChecklistForm = lazy(() => import("./checklist-form").then((m) => m.ChecklistForm));
export const VitalsForm = lazy(() => import("./vitals-form").then((m) => m.VitalsForm));
export const DoseForm = lazy(() => import("./dose-device-forms").then((m) => m.DoseForm));
export const DeviceForm = lazy(() => import("./dose-device-forms").then((m) => m.DeviceForm));
export const SedationForm = lazy(() => import("./assessment-forms").then((m) => m.SedationForm));
export const DissociationForm = lazy(() => import("./assessment-forms").then((m) => m.DissociationForm));
export const GatePanel = lazy(() => import("./gate-panel").then((m) => m.GatePanel));
export const DischargePanel = lazy(() => import("./discharge-panel").then((m) => m.DischargePanel));
export const AdverseEventForm = lazy(() => import("./adverse-event-form").then((m) => m.AdverseEventForm));
export const ResolveAdverseEvent = lazy(() => import("./adverse-event-form").then((m) => m.ResolveAdverseEvent));
export const CrisisForm = lazy(() => import("./crisis-form").then((m) => m.CrisisForm));
export const NotDosedForm = lazy(() => import("./what-happened-forms").then((m) => m.NotDosedForm));
export const DoseCorrectionForm = lazy(() => import("./what-happened-forms").then((m) => m.DoseCorrectionForm));
export const AdverseEventUpdateForm = lazy(() => import("./what-happened-forms").then((m) => m.AdverseEventUpdateForm));
export const DeviationForm = lazy(() => import("./deviation-form").then((m) => m.DeviationForm));
export const AmendmentForm = lazy(() => import("@/components/review/sign-off-panel").then((m) => m.AmendmentForm));
