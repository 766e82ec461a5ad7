// Depression scores over a course: PHQ-9 at the first session and then about weekly (at check-in),
// falling as treatment works; MADRS at baseline and week 4 where the roster asks for it.
import type { Clinic } from "./clinic";
import type { Rng } from "./random";
import { newId, type Rows } from "./rows";
import type { PlannedSession } from "./sessions";
import { addMin } from "./time";

/** Nine item scores 0–3 adding up to `total`, item 9 (self-harm thoughts) fixed. */
function phq9Items(r: Rng, total: number, item9: number): number[] {
  const items = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  for (let left = total - item9; left > 0; ) {
    const i = r.int(0, 7);
    if (items[i] < 3) {
      items[i]++;
      left--;
    }
  }
  return items;
}

const MADRS_BASELINE = [5, 4, 4, 3, 3, 4, 4, 4, 3, 2]; // 36: moderate–severe
const MADRS_WEEK_4 = [2, 2, 2, 2, 1, 2, 2, 1, 1, 0]; // 15: response (≥ 50 % fall), not remission

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function planOutcomes(rows: Rows, clinic: Clinic, sessions: PlannedSession[]) {
  const byPatient = new Map<string, PlannedSession[]>();
  for (const s of sessions) byPatient.set(s.patient.id, [...(byPatient.get(s.patient.id) ?? []), s]);
  for (const list of byPatient.values()) {
    list.sort((a, b) => a.t0.getTime() - b.t0.getTime());
    const p = list[0].patient;
    const r = p.r;
    const baseline = r.int(17, 22);
    let previous: { at: number; total: number } | null = null;
    let week = 0;
    for (const s of list) {
      if (previous && s.t0.getTime() - previous.at < 6 * 86_400_000) continue;
      const expected = Math.round(baseline * (1 - 0.14 * week)) + r.int(-1, 1);
      const total: number = previous ? Math.max(3, Math.min(previous.total - 1, expected)) : baseline;
      const item9 = p.spec.indication === "MDSI" ? Math.max(0, 2 - week) : week === 0 && r.chance(0.4) ? 1 : 0;
      const items = phq9Items(r, total, item9);
      const takenAt = addMin(s.checkedInAt, 3);
      rows.outcomes.push({
        id: newId(),
        patientId: p.id,
        sessionId: s.id,
        instrument: "PHQ9",
        itemScores: items,
        total: sum(items),
        takenAt,
        recordedById: s.nurseId,
        createdAt: takenAt,
      });
      // Item 9 above 0 is followed by a C-SSRS screener (wish to be dead, no active thoughts, no behaviour)
      // in every finished session; in a session still in progress it is waiting (the review queue shows it).
      if (items[8] > 0 && s.end) {
        const at = addMin(takenAt, 4);
        rows.outcomes.push({
          id: newId(),
          patientId: p.id,
          sessionId: s.id,
          instrument: "CSSRS",
          itemScores: [1, 0, -1, -1, -1, 0],
          total: 1,
          takenAt: at,
          recordedById: clinic.staff.priya.id,
          createdAt: at,
        });
      }
      previous = { at: s.t0.getTime(), total };
      week++;
    }
    if (p.spec.madrs) {
      const past = list.filter((s) => s.end);
      for (const [s, items] of [
        [past[0], MADRS_BASELINE],
        [past.at(-1)!, MADRS_WEEK_4],
      ] as const) {
        const takenAt = addMin(s.checkedInAt, 6);
        rows.outcomes.push({
          id: newId(),
          patientId: p.id,
          sessionId: s.id,
          instrument: "MADRS",
          itemScores: [...items],
          total: sum([...items]),
          takenAt,
          recordedById: clinic.staff.priya.id,
          createdAt: takenAt,
        });
      }
    }
  }
}
