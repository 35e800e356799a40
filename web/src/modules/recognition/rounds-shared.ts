import dayjs from 'dayjs';
import { today } from '../../shared/format';
import type { Round } from './api';

/** Tag colours of a round's phases. */
export const PHASE_COLORS: Record<string, string> = {
  scheduled: 'default',
  open: 'green',
  reviewing: 'blue',
  publicity: 'gold',
  announced: 'green',
  recommended: 'purple',
  closed: 'default',
};

/** "2026-03-01 至 2026-04-30", or continuous intake with its cut-off dates. */
export function windowText(r: Pick<Round, 'opensOn' | 'closesOn' | 'continuous' | 'cutoffDates'>): string {
  const base = `${r.opensOn} 至 ${r.closesOn}`;
  if (!r.continuous) return base;
  return `${base}（常年受理${r.cutoffDates.length ? `，截止批次：${r.cutoffDates.join('、')}` : ''}）`;
}

/** Today in Chongqing as a date picker's value (the browser may be elsewhere). */
export const todayDate = () => dayjs(today());
