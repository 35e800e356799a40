// A round's window as an application sees it: open on a day, the day it is judged as of, and the day
// the district's review counts from. Pure: no I/O.
import { todayInShanghai } from '../dates.js';

interface Window {
  opensOn: string;
  closesOn: string;
}

/** Whether the round takes applications on `today` (its window, both days included). */
export const windowOpen = (round: Window, today = todayInShanghai()) => round.opensOn <= today && today <= round.closesOn;

/**
 * The date an application is judged as of: today, within the round's window (a draft saved before
 * the window or after it is judged as on its first or last day).
 */
export function assessmentDateOf(round: Window, today = todayInShanghai()): string {
  if (today < round.opensOn) return round.opensOn;
  if (today > round.closesOn) return round.closesOn;
  return today;
}

/**
 * The day the district's review counts from: the round's close, or for a continuous round (创新型)
 * the first cut-off date on or after the submission (the close when none is left).
 */
export function reviewCountsFrom(round: Window & { continuous: boolean; cutoffDates: string[] }, submittedOn: string): string {
  if (!round.continuous) return round.closesOn;
  const next = [...round.cutoffDates].sort().find((d) => d >= submittedOn);
  return next ?? round.closesOn;
}
