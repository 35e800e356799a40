// How the figures of 运行分析 read on screen: groupings, metrics with their units, signed growth.
import { count, percent, wan } from '../../shared/format';
import type { GroupBy, Metric } from './api-officers';

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  tier: '梯度',
  district: '区县',
  section: '行业门类',
  industry: '行业大类',
  cluster: '“33618”集群',
  size: '规模',
};
export {
  FIGURE_METRIC_LABELS as METRIC_LABELS,
  FIGURE_METRICS as METRICS,
  SURVEY_ITEM_LABELS as SURVEY_LABELS,
  SURVEY_ITEMS,
} from '../../../../src/domain/monitoring/figures';

export const METRIC_UNITS: Record<Metric, string> = {
  revenue: '万元',
  profit: '万元',
  output: '万元',
  rd: '万元',
  export: '万元',
  tax: '万元',
  employees: '人',
  electricity: '万千瓦时',
};

/** A metric's value as people read it: 万元, persons, 万千瓦时. */
export function metricValue(metric: Metric, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (metric === 'employees') return count(v);
  if (metric === 'electricity') return (v / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return wan(v);
}
/** A growth rate in percent with its sign: +14.7%, −3.2%. */
export const signedPercent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${percent(v)}`);
/** Percentage points with a sign: +4.0, −1.5. */
export const signedPoints = (v: number | null | undefined) =>
  v === null || v === undefined
    ? '—'
    : `${v > 0 ? '+' : ''}${v.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;
