import {
  FIGURE_METRIC_LABELS,
  FIGURE_METRICS,
  periodLabelWithYear,
  SURVEY_ITEM_LABELS,
  SURVEY_ITEMS,
} from '../../domain/monitoring/figures.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import ExcelJS from '../../server/exceljs.js';
import { periodOf } from './figure-scope.js';
import { getAnalysis } from './get-analysis.js';
import type { FigureGroupBy, StatsQuery } from './monitoring.schemas.js';

export const GROUP_BY_LABELS: Record<FigureGroupBy, string> = {
  tier: '梯度层级',
  district: '区县',
  industry: '行业大类',
  section: '行业门类',
  cluster: '产业集群',
  size: '企业规模',
};

/** The unit a metric is shown in and its divisor from the stored whole yuan / kWh / persons. */
const UNIT: Record<string, { unit: string; divisor: number }> = {
  employees: { unit: '人', divisor: 1 },
  electricity: { unit: '万千瓦时', divisor: 10_000 },
};
const unitOf = (m: string) => UNIT[m] ?? { unit: '万元', divisor: 10_000 };

export const analysisFileName = (q: StatsQuery) => {
  const { year, month } = periodOf(q.period);
  return `运行分析-${periodLabelWithYear(year, month)}-按${GROUP_BY_LABELS[q.groupBy]}`;
};

/** The figures of GET /api/monitoring/analysis as an xlsx: the same numbers, one row per group and 全部监测中小企业, the sentence below. */
export async function exportAnalysis(ctx: AppContext, actor: Actor | null, q: StatsQuery): Promise<Buffer> {
  const analysis = await getAnalysis(ctx, actor, q);
  const { year, month } = periodOf(q.period);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('运行分析');
  const columns: { header: string; key: string; width: number; numFmt?: string }[] = [
    { header: GROUP_BY_LABELS[q.groupBy], key: 'label', width: 26 },
    { header: '同口径企业数（家）', key: 'enterprises', width: 12 },
    { header: '仅本年上报企业数（家）', key: 'unmatched', width: 12 },
    { header: '截止后修订（家）', key: 'revised', width: 10 },
  ];
  for (const m of FIGURE_METRICS) {
    const name = FIGURE_METRIC_LABELS[m];
    const { unit } = unitOf(m);
    columns.push(
      { header: `${name}本年累计（${unit}）`, key: `${m}_cur`, width: 14, numFmt: unit === '人' ? '#,##0' : '#,##0.0' },
      { header: `${name}上年同期（${unit}）`, key: `${m}_prev`, width: 14, numFmt: unit === '人' ? '#,##0' : '#,##0.0' },
      { header: `${name}累计同比（%）`, key: `${m}_yoy`, width: 10, numFmt: '0.0' },
      { header: `${name}两年平均增长（%）`, key: `${m}_two`, width: 10, numFmt: '0.0' },
      { header: `${name}较全部监测中小企业（百分点）`, key: `${m}_pp`, width: 12, numFmt: '0.0' },
    );
  }
  for (const s of SURVEY_ITEMS)
    columns.push({ header: `${SURVEY_ITEM_LABELS[s]}增加的企业占比（%）`, key: `${s}_up`, width: 12, numFmt: '0.0' });
  sheet.columns = columns.map(({ numFmt, ...c }) => ({ ...c, style: numFmt ? { numFmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  const rowOf = (f: (typeof analysis.groups)[number]) => {
    const row: Record<string, string | number | null> = {
      label: f.label,
      enterprises: f.enterprises,
      unmatched: f.unmatched,
      revised: f.revised,
    };
    for (const m of FIGURE_METRICS) {
      const { divisor } = unitOf(m);
      const v = f.metrics[m];
      row[`${m}_cur`] = Math.round((v.cur / divisor) * 10) / 10;
      row[`${m}_prev`] = Math.round((v.prev / divisor) * 10) / 10;
      row[`${m}_yoy`] = v.yoy;
      row[`${m}_two`] = v.twoYear;
      row[`${m}_pp`] = v.ppVsAll;
    }
    for (const s of SURVEY_ITEMS) row[`${s}_up`] = f.survey[s].upShare;
    return row;
  };
  for (const g of analysis.groups) sheet.addRow(rowOf(g));
  sheet.addRow(rowOf(analysis.all)).font = { bold: true };
  sheet.addRow({});
  sheet.addRow({ label: `${periodLabelWithYear(year, month)}：${analysis.sentence}` });
  if (analysis.revisedNote) sheet.addRow({ label: analysis.revisedNote });
  sheet.addRow({ label: '口径：累计同比按本年和上年同期均有已通过月报的同一批企业（同口径）计算；空白表示上年同期为零，无法计算。' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
