import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/http/testing/refusal";
import { hashPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { emergencyTransfer, markEnteredInError, recordAdverseEvent, recordDevice, resolveAdverseEvent } from "@/lib/sessions/commands";
import { adverseEventSchema } from "@/lib/sessions/schema";
import { minutesAgo, readyToDose } from "@/lib/sessions/testing/session-steps";
import { amendSession, amendmentsOf, signatureOf, signedContent, signOffRecord, signSession } from "./data";
import { signSessionSchema } from "./schema";

/** A dosed session that ended in an emergency transfer, and its psychiatrist with a known password. */
async function closedSession() {
  const c = await readyToDose();
  await recordDevice(c.nurse, c.sessionId, { deviceId: c.devices[0].id, administeredAt: minutesAgo(30), acknowledgedWarnings: [] });
  await emergencyTransfer(c.nurse, c.sessionId, { transferredAt: minutesAgo(10), receivingService: "EMS", reason: "Chest pain" });
  await db().user.update({ where: { id: c.psych.id }, data: { passwordHash: await hashPassword("Sign-here-2026") } });
  const psych: CurrentUser = { ...c.psych, role: "PSYCHIATRIST", name: "psych Test", siteIds: [c.site.id], sites: [], idleMinutes: 10 };
  return { ...c, psychUser: psych };
}

describe("electronic sign-off of a session", () => {
  it("needs the signer's password, stores name, meaning and a content hash, and audits both the refusal and the signature", async () => {
    const c = await closedSession();
    const wrong = await refusal(signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "not-it" }));
    expect(wrong.status).toBe(422);
    expect(wrong.fieldErrors).toEqual({ password: ["The password is not correct"] });
    expect(await signatureOf(c.sessionId)).toBeNull();
    await signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" });
    const sig = await signatureOf(c.sessionId);
    expect(sig).toMatchObject({ printedName: "psych Test", meaning: "REVIEWED", state: "valid" });
    const actions = (await db().auditEvent.findMany({ where: { entityId: c.sessionId, action: { startsWith: "session.sign" } }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["session.sign_refused", "session.sign"]);
    expect((await refusal(signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" }))).code).toBe("ALREADY_SIGNED");
  });

  it("cannot be used to guess the password: after 5 wrong answers even the right one is refused for a while", async () => {
    const c = await closedSession();
    for (let i = 0; i < 5; i++) await refusal(signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: `guess-${i}` }));
    const e = await refusal(signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" }));
    expect(e.fieldErrors).toEqual({ password: ["The password is not correct"] });
    expect(await signatureOf(c.sessionId)).toBeNull();
  });

  it("refuses to approve a discharge that did not happen (emergency transfer)", async () => {
    const c = await closedSession();
    expect((await refusal(signSession(c.psychUser, c.sessionId, { meaning: "APPROVED_DISCHARGE", password: "Sign-here-2026" }))).code).toBe("NOT_SIGNABLE");
  });

  it("shows 'changed' when a signed row is altered in the database behind the application's back", async () => {
    const c = await closedSession();
    const event = { type: "HYPERTENSION", description: "BP 190/112 before transfer", serious: true, onsetAt: minutesAgo(20).toISOString() };
    await recordAdverseEvent(c.nurse, c.sessionId, adverseEventSchema.parse(event));
    // Sign-off waits until every event of the session has an end.
    expect((await refusal(signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" }))).message).toMatch(
      /adverse event is still open/,
    );
    const open = await db().adverseEvent.findFirstOrThrow({ where: { sessionId: c.sessionId } });
    await resolveAdverseEvent(c.nurse, c.sessionId, open.id, undefined, "Treated in the ED");
    await signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" });
    // The administrator reporting the event to the REMS afterwards is not a change to what was signed.
    await db()
      .$executeRaw`UPDATE "AdverseEvent" SET "reportedToRemsAt" = now(), "remsReference" = 'REMS-1', version = version + 1 WHERE "sessionId" = ${c.sessionId}`;
    expect((await signatureOf(c.sessionId))?.state).toBe("valid");
    await db().$executeRaw`UPDATE "ObservationVital" SET systolic = systolic + 1 WHERE "sessionId" = ${c.sessionId} AND kind = 'PRE_DOSE'`;
    expect((await signatureOf(c.sessionId))?.state).toBe("changed");
  });

  it("keeps a signature made before the deviation columns existed valid, and still covers those columns once filled", async () => {
    const c = await closedSession();
    // A deviation row as the migration left it: the columns added later (reason, who, entry) are empty.
    await db()
      .$executeRaw`INSERT INTO "ProtocolDeviation" (id, "sessionId", code, description, "detectedAt") VALUES (${`dev-${c.sessionId}`}, ${c.sessionId}, 'OLD', 'Recorded before the columns existed', now())`;
    await signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" });
    const content = (await db().$transaction((tx) => signedContent(tx, c.sessionId)))!;
    const old = content.deviations.find((d) => d.id === `dev-${c.sessionId}`)!;
    // Its signed form is what the code before the migration hashed: no keys for the later columns.
    expect(Object.keys(old).sort()).toEqual(["code", "description", "detectedAt", "id", "sessionId"]);
    expect((await signatureOf(c.sessionId))?.state).toBe("valid");
    await db().$executeRaw`UPDATE "ProtocolDeviation" SET reason = 'added behind the application' WHERE id = ${`dev-${c.sessionId}`}`;
    expect((await signatureOf(c.sessionId))?.state).toBe("changed");
  });

  it("locks a signed session: a later entry is refused and a correction becomes an amendment beside the original", async () => {
    const c = await closedSession();
    await signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" });
    const vital = await db().observationVital.findFirstOrThrow({ where: { sessionId: c.sessionId } });
    expect((await refusal(markEnteredInError(c.nurse, c.sessionId, "vital", vital.id, "wrong arm"))).code).toBe("SESSION_SIGNED");
    // An event learnt of the next day is a new record beside the signed ones: it is accepted, resolved, and the signature stays valid.
    const late = await recordAdverseEvent(
      c.nurse,
      c.sessionId,
      adverseEventSchema.parse({ type: "OTHER", description: "Nausea reported by phone the next morning" }),
    );
    await resolveAdverseEvent(c.nurse, c.sessionId, late.result.id, undefined, "Settled at home");
    expect((await signatureOf(c.sessionId))?.state).toBe("valid");
    await amendSession(c.psychUser, c.sessionId, {
      entryKind: "vital",
      entryId: vital.id,
      correction: "Systolic was 138, not 128",
      reason: "Transcription error found on the monitor printout",
    });
    const other = await readyToDose();
    const foreign = await db().observationVital.findFirstOrThrow({ where: { sessionId: other.sessionId } });
    const refused = await refusal(
      amendSession(c.psychUser, c.sessionId, { entryKind: "vital", entryId: foreign.id, correction: "x x x", reason: "wrong session" }),
    );
    expect(refused.fieldErrors).toHaveProperty("entryId");
    expect(await amendmentsOf(c.sessionId)).toMatchObject([
      { entryKind: "vital", entryId: vital.id, correction: "Systolic was 138, not 128", author: "psych Test" },
    ]);
    // The amendment sits beside the signed content; it does not change it.
    expect((await signatureOf(c.sessionId))?.state).toBe("valid");
    // The app role has no DELETE on it (issue 12 §5); the owner meets the append-only trigger (lib/db/roles.test.ts).
    await expect(db().$executeRaw`DELETE FROM "SessionSignature" WHERE "sessionId" = ${c.sessionId}`).rejects.toThrow(/permission denied/);
  });

  it("shows on the sign-off page exactly the content the signature covers: transfer answers, dose and devices, vital signs, events", async () => {
    const c = await closedSession();
    const before = await signOffRecord(c.sessionId);
    const section = (r: typeof before, id: string) => r!.sections.find((s) => s.id === id)!.lines.map((l) => `${l.label}: ${l.value}`);
    expect(before!.signature).toBeNull();
    expect(before!.problems).toEqual([]);
    expect(section(before, "discharge")).toEqual([
      expect.stringMatching(/^Outcome: Emergency transfer at \d\d:\d\d \(T0\+20 min\)$/),
      "Receiving service: EMS",
    ]);
    expect(section(before, "dose")[1]).toMatch(new RegExp(`^Device 1: \\d\\d:\\d\\d \\(T0\\+0 min\\) — ${c.devices[0].serial}, lot `));
    expect(section(before, "vitals")[0]).toMatch(/^Pre-dose BP: \d+\/\d+ at \d\d:\d\d \(T0−\d+ min\)$/);
    // An event recorded after signing is beside the signed record, not in it: the page shows the signed content.
    await signSession(c.psychUser, c.sessionId, { meaning: "REVIEWED", password: "Sign-here-2026" });
    await recordAdverseEvent(c.nurse, c.sessionId, adverseEventSchema.parse({ type: "OTHER", description: "Nausea reported by phone the next morning" }));
    const after = await signOffRecord(c.sessionId);
    expect(after!.signature).toMatchObject({ meaning: "REVIEWED", state: "valid" });
    expect(section(after, "events")).toEqual([]);
    expect(after!.sections).toEqual(before!.sections.map((s) => (s.id === "session" ? after!.sections[0] : s)));
  });

  it("refuses a signature without a chosen meaning, with the field's message", async () => {
    const parsed = signSessionSchema.safeParse({ password: "Sign-here-2026" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["meaning", "Choose what your signature means"]]);
    await expect(signOffRecord("no-such-session")).resolves.toBeNull();
  });
});
