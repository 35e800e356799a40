// Periods ('YYYY-MM') as people read them.

/** '2026-05' → '2026年5月'. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]}年${Number(m[2])}月` : period;
}

/** The month of a period (1–12). */
export const periodMonth = (period: string): number => Number(period.slice(5, 7));
