// Kept for existing imports: the one time module is lib/time.
export { siteDay as localDate, daysBetween, addDays, startOfDay } from "@/lib/time/days";
export { formatTime as localClock } from "@/lib/time/format";
