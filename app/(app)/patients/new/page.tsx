import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { siteChoices } from "@/lib/patients/data";
import { PageHeader } from "@/components/ui/page-header";
import { NewPatientForm } from "@/components/patients/new-patient-form";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const user = await authorizePage("patient.write");
  return (
    <>
      <PageHeader title="New patient" />
      <NewPatientForm sites={await siteChoices(user.siteIds)} />
    </>
  );
}
