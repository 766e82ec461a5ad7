import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorizePage } from "@/lib/auth/authorize";
import { patientSite } from "@/lib/patients/data";
import { checkInChoices } from "@/lib/sessions/view";
import { PageHeader } from "@/components/ui/page-header";
import { CheckInForm } from "@/components/sessions/check-in-form";

export const metadata: Metadata = { title: "Check in" };

export default async function CheckInPage({ searchParams }: { searchParams: Promise<{ patientId?: string; appointmentId?: string; chairId?: string }> }) {
  const { patientId, appointmentId, chairId } = await searchParams;
  const siteId = patientId ? await patientSite(patientId) : null;
  if (!patientId || !siteId) notFound();
  const user = await authorizePage("clinical.record", { siteId, entityType: "Patient", entityId: patientId });
  const c = (await checkInChoices(patientId))!;
  return (
    <>
      <PageHeader title={`Check in ${c.patient.firstName} ${c.patient.lastName}`} />
      <CheckInForm
        patientId={patientId}
        indication={c.patient.indication}
        chairs={c.chairs}
        appointmentId={appointmentId}
        chairId={c.chairs.some((x) => x.id === chairId) ? chairId : undefined}
        prescribers={c.prescribers}
        nurses={c.nurses}
        me={user.id}
      />
    </>
  );
}
