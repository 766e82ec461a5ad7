"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { gateDecisionSchema, type GateDecisionInput } from "@/lib/sessions/schema";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { gateName } from "@/lib/sessions/gates";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";

type Gate = { code: string; message: string };

/** A GATE blocks the step until a prescriber decides; only prescribers see the decision form (the server refuses others anyway). */
export function GatePanel({ sessionId, gates, canDecide }: { sessionId: string; gates: Gate[]; canDecide: boolean }) {
  if (!gates.length) return null;
  return (
    <section id="gates" aria-label="Waiting for a prescriber" className="mb-4 scroll-mt-4 rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
      {gates.map((g) => (
        <div key={g.code} className="mb-3">
          <p className="text-lg font-semibold text-amber-900">Waiting for a prescriber: {g.message.replace(/^Prescriber decision needed: /, "")}</p>
          {canDecide && <GateDecision sessionId={sessionId} rule={g.code.replace(/_GATE$/, "") as GateDecisionInput["rule"]} />}
        </div>
      ))}
    </section>
  );
}

export function GateDecision({ sessionId, rule }: { sessionId: string; rule: GateDecisionInput["rule"] }) {
  const { register, handleSubmit, setError, formState, setValue } = useForm<GateDecisionInput>({
    resolver: zodResolver(gateDecisionSchema),
    defaultValues: { rule },
  });
  const { submit, outcome } = useEntry(setError, `Prescriber decision: ${gateName(rule)}`);
  const decide = (decision: "PROCEED" | "DELAY") => {
    setValue("decision", decision);
    return handleSubmit((v) => submit(`/api/sessions/${sessionId}/decisions`, "POST", v))();
  };
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label={`Prescriber decision: ${gateName(rule)}`} className="mt-2 flex flex-wrap items-end gap-3">
      <div className="min-w-80 flex-1">
        <TextInput label="Clinical reason" error={formState.errors.reason?.message} {...register("reason")} />
      </div>
      <Button type="button" onClick={() => decide("PROCEED")} disabled={formState.isSubmitting}>
        Proceed
      </Button>
      <Button type="button" variant="danger" onClick={() => decide("DELAY")} disabled={formState.isSubmitting}>
        Delay
      </Button>
      <div className="w-full">
        <EntryOutcomeView outcome={outcome} saved="Decision recorded." />
      </div>
    </form>
  );
}
