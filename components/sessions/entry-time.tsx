"use client";
import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LATE_ENTRY_MINUTES } from "@/lib/sessions/clinical-time-rules";

/** What bounds the times entered on one session's screen (R49): the site's late threshold, back-entry, and its clock's zone. */
export type EntryTime = { lateEntryMinutes: number; backEntered: boolean; timeZone: string };

const EntryTimeContext = createContext<EntryTime>({ lateEntryMinutes: DEFAULT_LATE_ENTRY_MINUTES, backEntered: false, timeZone: "America/New_York" });

export function EntryTimeProvider({ value, children }: { value: EntryTime; children: ReactNode }) {
  return <EntryTimeContext.Provider value={value}>{children}</EntryTimeContext.Provider>;
}

export const useEntryTime = () => useContext(EntryTimeContext);
