// The cockpit's charts as ECharts options and the same numbers as rows for the xlsx: pure functions of
// the API answers. Every data item carries its rowsUrl, so that a click opens the rows behind it.
import type { EChartsCoreOption } from 'echarts/core';
import { count, percent } from '../../shared/format';
import type { BreakdownRow, ChartData, FlowRow, Trend } from './api';

const TIER_COLOURS: Record<string, string> = { innovative: '#4096ff', srdi: '#36cfc9', little_giant: '#faad14' };
const LEFT_COLOURS: Record<string, string> = { innovative: '#adc6ff', srdi: '#b5f5ec', little_giant: '#ffe58f' };
const TIERS = ['innovative', 'srdi', 'little_giant'] as const;
const TIER_LABELS: Record<string, string> = {
  innovative: '创新型中小企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
};

const toolbox = (name: string) => ({
  right: 8,
  feature: { saveAsImage: { title: '保存为图片', name, pixelRatio: 2, backgroundColor: '#fff' } },
});
const numberIn = (p: unknown) => {
  const v = (p as { value?: unknown }).value;
  return typeof v === 'number' ? v : null;
};

/** The map of the 区县 coloured by the figure (zones are not on it). Outside a district's own place, other 区县 stay grey. */
export function mapChart(
  rows: BreakdownRow[],
  figureLabel: string,
  title: string,
  place: string | null,
): { option: EChartsCoreOption; data: ChartData } {
  const onMap = rows.filter((r) => r.kind !== 'zone');
  const shown = place ? onMap.filter((r) => r.key === place || r.value > 0) : onMap;
  const max = Math.max(1, ...shown.map((r) => r.value));
  return {
    option: {
      toolbox: toolbox(title),
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: unknown }) =>
          `${p.name}<br/>${figureLabel}：${numberIn(p) === null ? '—' : `${count(numberIn(p))} 家`}`,
      },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        text: ['多', '少'],
        calculable: true,
        inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9', '#002c8c'] },
        formatter: (v: number) => count(Math.round(v)),
      },
      series: [
        {
          type: 'map',
          map: 'chongqing',
          name: figureLabel,
          roam: false,
          selectedMode: false,
          label: { show: false },
          emphasis: { label: { show: true, color: '#000' }, itemStyle: { areaColor: '#ffd666' } },
          itemStyle: { areaColor: '#f0f0f0', borderColor: '#8c8c8c', borderWidth: 0.6 },
          data: shown.map((r) => ({ name: r.label, value: r.value, rowsUrl: r.rowsUrl })),
        },
      ],
    },
    data: { title, columns: ['区县', `${figureLabel}（家）`], rows: onMap.map((r) => [r.label, r.value]) },
  };
}

/** Horizontal bars, largest on top: a breakdown by zone, industry, cluster or tier. */
export function barChart(
  rows: BreakdownRow[],
  figureLabel: string,
  title: string,
  groupLabel: string,
): { option: EChartsCoreOption; data: ChartData } {
  const ordered = [...rows].reverse();
  return {
    option: {
      toolbox: toolbox(title),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${count(v)} 家` : '—'),
      },
      // Room for the longest names (专精特新“小巨人”企业, cluster names): a fixed margin, longer ones cut with an ellipsis.
      grid: { left: 176, right: 48, top: 32, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => count(v) } },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { width: 164, overflow: 'truncate', ellipsis: '…' },
      },
      series: [
        {
          type: 'bar',
          name: figureLabel,
          barMaxWidth: 22,
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: 'right', formatter: (p: unknown) => count(numberIn(p)) },
          data: ordered.map((r) => ({ value: r.value, rowsUrl: r.rowsUrl })),
        },
      ],
    },
    data: { title, columns: [groupLabel, `${figureLabel}（家）`], rows: rows.map((r) => [r.label, r.value]) },
  };
}

/** 有进有出: per year two stacked columns, 进入 and 退出, stacked by tier. */
export function flowsChart(rows: FlowRow[], title: string): { option: EChartsCoreOption; data: ChartData } {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const at = (year: number, tier: string) => rows.find((r) => r.year === year && r.tier === tier);
  const series = [
    ...TIERS.map((tier) => ({
      type: 'bar' as const,
      name: `${TIER_LABELS[tier]}（进入）`,
      stack: 'entered',
      barMaxWidth: 28,
      itemStyle: { color: TIER_COLOURS[tier] },
      data: years.map((y) => ({ value: at(y, tier)?.entered ?? 0, rowsUrl: at(y, tier)?.enteredRowsUrl })),
    })),
    ...TIERS.map((tier) => ({
      type: 'bar' as const,
      name: `${TIER_LABELS[tier]}（退出）`,
      stack: 'left',
      barMaxWidth: 28,
      itemStyle: { color: LEFT_COLOURS[tier], borderColor: TIER_COLOURS[tier], borderType: 'dashed' as const },
      data: years.map((y) => ({ value: at(y, tier)?.left ?? 0, rowsUrl: at(y, tier)?.leftRowsUrl })),
    })),
  ];
  return {
    option: {
      toolbox: toolbox(title),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${count(v)} 家` : '—'),
      },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 56, right: 16, top: 36, bottom: 64 },
      xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => count(v) } },
      series,
    },
    data: {
      title,
      columns: ['年份', ...TIERS.flatMap((t) => [`${TIER_LABELS[t]}进入（家）`, `${TIER_LABELS[t]}退出（家）`])],
      rows: years.map((y) => [`${y}年`, ...TIERS.flatMap((t) => [at(y, t)?.entered ?? 0, at(y, t)?.left ?? 0])]),
    },
  };
}

type Which = 'revenueYoY' | 'profitYoY';

/** 累计同比 by month: one line per tier and a dashed one for all monitored SMEs. */
export function trendChart(trend: Trend, which: Which, title: string): { option: EChartsCoreOption; data: ChartData } {
  const months = trend.months;
  const keys = new Map<string, string>();
  for (const m of months) for (const s of m.series) keys.set(s.key, s.label);
  const lines = [...keys].map(([key, label]) => ({
    key,
    label,
    values: months.map((m) => m.series.find((s) => s.key === key)?.[which] ?? null),
  }));
  const all = months.map((m) => m.all[which]);
  const monthLabel = (period: string) => `${Number(period.slice(5, 7))}月`;
  return {
    option: {
      toolbox: toolbox(title),
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? percent(v) : '无数据') },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 56, right: 16, top: 36, bottom: 64 },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.period)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v}%` } },
      series: [
        ...lines.map((l) => ({
          type: 'line' as const,
          name: TIER_LABELS[l.key] ?? l.label,
          showAllSymbol: true,
          symbolSize: 7,
          itemStyle: TIER_COLOURS[l.key] ? { color: TIER_COLOURS[l.key] } : undefined,
          data: l.values,
        })),
        {
          type: 'line' as const,
          name: '全部监测中小企业',
          showAllSymbol: true,
          symbolSize: 7,
          lineStyle: { type: 'dashed' as const, width: 3 },
          data: all,
        },
      ],
    },
    data: {
      title,
      columns: ['月份', ...lines.map((l) => `${TIER_LABELS[l.key] ?? l.label}（%）`), '全部监测中小企业（%）'],
      rows: months.map((m, i) => [monthLabel(m.period), ...lines.map((l) => l.values[i]), all[i]]),
    },
  };
}
