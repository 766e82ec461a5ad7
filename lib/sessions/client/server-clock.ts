// Timers on the tablet run on the server's clock: offset = server time − tablet time at receipt.
export const clockOffset = (serverNowIso: string, receivedAtMs: number) => Date.parse(serverNowIso) - receivedAtMs;
export const serverNow = (offsetMs: number, tabletNowMs = Date.now()) => new Date(tabletNowMs + offsetMs);

/** "35 min" since T0 (whole minutes, rounded down, like every clinical minute in the app). */
export const minutesSince = (fromIso: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
