import "server-only";
import { db } from "@/lib/db/client";
import type { CourseSession } from "./course";
import { dateOnly, siteDay } from "@/lib/time/days";

/** Every session of a patient with its readings and devices, as the course view reads them. */
export async function courseSessionsOf(patientId: string, timeZone: string): Promise<CourseSession[]> {
  const sessions = await db().treatmentSession.findMany({
    where: { patientId },
    orderBy: { checkedInAt: "asc" },
    select: {
      id: true,
      status: true,
      plannedDoseMg: true,
      treatmentDate: true,
      checkedInAt: true,
      vitals: { select: { id: true, takenAt: true, kind: true, systolic: true, diastolic: true, heartRate: true, spo2: true, enteredInErrorAt: true } },
      devices: { where: { enteredInErrorAt: null }, select: { administeredAt: true } },
    },
  });
  return sessions.map((s) => {
    const t0 = s.devices.length ? new Date(Math.min(...s.devices.map((d) => d.administeredAt.getTime()))) : null;
    return {
      id: s.id,
      status: s.status,
      doseMg: s.plannedDoseMg,
      t0,
      treatmentDate: s.treatmentDate ? dateOnly(s.treatmentDate) : siteDay(s.checkedInAt ?? new Date(), timeZone),
      vitals: s.vitals.map(({ enteredInErrorAt, ...v }) => ({ ...v, enteredInError: !!enteredInErrorAt })),
    };
  });
}
