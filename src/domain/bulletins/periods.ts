// The periods of the 定期通报: a month ('2026-11', 月度工作通报) or a quarter ('2026-Q3', 季度通报).
// Pure: the day is passed in (Asia/Shanghai, YYYY-MM-DD).

export const BULLETIN_PERIOD_KINDS = ['month', 'quarter'] as const;
export type BulletinPeriodKind = (typeof BULLETIN_PERIOD_KINDS)[number];
export const BULLETIN_PERIOD_KIND_LABELS: Record<BulletinPeriodKind, string> = { month: '月度', quarter: '季度' };

export interface BulletinPeriod {
  kind: BulletinPeriodKind;
  /** '2026-11' | '2026-Q3' */
  key: string;
  year: number;
  /** The months covered, 1–12 (one for a month, three for a quarter). */
  months: number[];
  /** First and last day of the period. */
  startsOn: string;
  endsOn: string;
  /** 2026年11月 | 2026年第三季度 */
  label: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period of `key` for `kind`, or null when it is not one ('2026-13', '2026-Q5', a month key for a quarter). */
export function parseBulletinPeriod(kind: BulletinPeriodKind, key: string): BulletinPeriod | null {
  if (kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (!m) return null;
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (year < 2000 || month < 1 || month > 12) return null;
    return {
      kind,
      key,
      year,
      months: [month],
      startsOn: `${year}-${pad(month)}-01`,
      endsOn: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`,
      label: `${year}年${month}月`,
    };
  }
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!q) return null;
  const year = Number(q[1]);
  const quarter = Number(q[2]);
  if (year < 2000) return null;
  const first = quarter * 3 - 2;
  return {
    kind,
    key,
    year,
    months: [first, first + 1, first + 2],
    startsOn: `${year}-${pad(first)}-01`,
    endsOn: `${year}-${pad(first + 2)}-${pad(lastDayOf(year, first + 2))}`,
    label: `${year}年第${QUARTER_NAMES[quarter - 1]}季度`,
  };
}

/** The period has not begun on `today`. */
export const isFutureBulletinPeriod = (p: BulletinPeriod, today: string) => p.startsOn > today;

/** The day the figures are as of: the period's last day, or today while it runs. */
export const bulletinAsOf = (p: BulletinPeriod, today: string) => (p.endsOn < today ? p.endsOn : today);

/** The period of `kind` that contains `day`. */
export function periodContaining(kind: BulletinPeriodKind, day: string): BulletinPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const key = kind === 'month' ? `${year}-${pad(month)}` : `${year}-Q${Math.ceil(month / 3)}`;
  return parseBulletinPeriod(kind, key) as BulletinPeriod;
}

/** The period before `p` of the same kind. */
export function previousBulletinPeriod(p: BulletinPeriod): BulletinPeriod {
  const d = new Date(`${p.startsOn}T00:00:00Z`);
  d.setUTCDate(0);
  return periodContaining(p.kind, d.toISOString().slice(0, 10));
}

/** 关于2026年11月全市专精特新企业培育工作情况的通报 */
export const defaultBulletinTitle = (p: BulletinPeriod) => `关于${p.label}全市专精特新企业培育工作情况的通报`;
