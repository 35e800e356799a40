import dayjs from 'dayjs';
import { parseBulletinPeriod } from '../../../../src/domain/bulletins/periods';
import type { PeriodKind } from './api';

/** The periods offered: the last 12 months (from last month) or the last 8 quarters (from the last ended one), newest first. */
export function periodOptions(kind: PeriodKind, today = dayjs()): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  if (kind === 'month') {
    for (let i = 0; i <= 12; i++) {
      const d = today.subtract(i, 'month');
      const key = d.format('YYYY-MM');
      out.push({ value: key, label: `${parseBulletinPeriod('month', key)?.label ?? key}${i === 0 ? '（本月，进行中）' : ''}` });
    }
    return out;
  }
  for (let i = 0; i <= 8; i++) {
    const d = today.subtract(i * 3, 'month');
    const key = `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
    out.push({ value: key, label: `${parseBulletinPeriod('quarter', key)?.label ?? key}${i === 0 ? '（本季度，进行中）' : ''}` });
  }
  return out;
}

/** The period shown first: last month, or the last quarter that has ended. */
export const defaultPeriod = (kind: PeriodKind) => periodOptions(kind)[1].value;
