import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { percent } from '../../shared/format';
import type { Trend } from './api-officers';

// Only the pieces the trend uses: line charts with axes, legend, title and tooltip, drawn as SVG.
echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

type Which = 'revenueYoY' | 'profitYoY';

/** 累计同比 by month, one line per tier and one for all monitored SMEs (ECharts). */
export function TrendChart({ trend, which, title }: { trend: Trend; which: Which; title: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg', locale: 'ZH' });
    const months = trend.months;
    const keys = new Map<string, string>();
    for (const m of months) for (const s of m.series) keys.set(s.key, s.label);
    const series = [
      ...[...keys].map(([key, label]) => ({
        name: label,
        type: 'line' as const,
        connectNulls: false,
        showAllSymbol: true,
        symbolSize: 7,
        data: months.map((m) => m.series.find((s) => s.key === key)?.[which] ?? null),
      })),
      {
        name: '全部监测中小企业',
        type: 'line' as const,
        showAllSymbol: true,
        symbolSize: 7,
        lineStyle: { type: 'dashed' as const, width: 3 },
        data: months.map((m) => m.all[which]),
      },
    ];
    chart.setOption({
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? percent(v) : '无数据'),
      },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 40, bottom: 88 },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.period.slice(5, 7))}月`) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v}%` } },
      series,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [trend, which, title]);
  return <div ref={el} role="img" aria-label={`${title}折线图`} style={{ width: '100%', height: 360 }} data-testid={`trend-${which}`} />;
}

export default TrendChart;
