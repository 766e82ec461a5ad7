// The alerts an entry's reply carries (vitals: `alerts`, sedation: `alert`), whether the reply came at
// once or when a draft kept on the tablet was sent late (a replayed reply carries them too).
export type ReplyAlert = { code: string; message: string; severity?: "alert" | "urgent" };

export function alertsOfReply(data: unknown): ReplyAlert[] {
  const result = (data as { result?: { alerts?: ReplyAlert[]; alert?: ReplyAlert | null } } | null)?.result;
  return [...(result?.alerts ?? []), ...(result?.alert ? [result.alert] : [])];
}
