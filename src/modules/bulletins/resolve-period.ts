import {
  type BulletinPeriod,
  type BulletinPeriodKind,
  isFutureBulletinPeriod,
  parseBulletinPeriod,
} from '../../domain/bulletins/periods.js';
import { periodFuture, periodInvalid } from './bulletins.errors.js';

/** The period asked for, or a 400: not a month/quarter of the kind, or not begun on `today`. */
export function resolvePeriod(kind: BulletinPeriodKind, key: string, today: string): BulletinPeriod {
  const period = parseBulletinPeriod(kind, key);
  if (!period) throw periodInvalid(kind);
  if (isFutureBulletinPeriod(period, today)) throw periodFuture();
  return period;
}
