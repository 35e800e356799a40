import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { type ChartData, downloadChartXlsx, saveBlob } from './api';
import geo from './chongqing.geo.json';

// Only the pieces the cockpit draws: the map of the 38 区县, bars and lines, on canvas (so that a chart
// saves as a PNG). This module is loaded lazily: the figures show before ECharts arrives.
echarts.use([
  MapChart,
  BarChart,
  LineChart,
  VisualMapComponent,
  TooltipComponent,
  GridComponent,
  LegendComponent,
  ToolboxComponent,
  CanvasRenderer,
]);
echarts.registerMap('chongqing', geo as unknown as Parameters<typeof echarts.registerMap>[1]);

export interface PickedItem {
  /** The data item's `rowsUrl`, when it has one: clicking it opens the rows. */
  rowsUrl?: string;
}

/**
 * One chart of the cockpit with 保存图片 (PNG) and 导出数据 (xlsx of `data`, the numbers drawn). A click
 * on an item whose data carries a rowsUrl calls onPick with it.
 */
export default function CockpitChart({
  option,
  data,
  height = 320,
  label,
  onPick,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  data: ChartData;
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
  onPick?: (rowsUrl: string) => void;
  testId?: string;
}) {
  const { message } = App.useApp();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = c;
    c.on('click', (params) => {
      const url = (params.data as unknown as PickedItem | undefined)?.rowsUrl;
      if (url) pick.current?.(url);
    });
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const saveImage = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) saveBlob(url, `${data.title}.png`);
  };
  const saveData = async () => {
    try {
      await downloadChartXlsx(data);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <div data-testid={testId}>
      <Space size={4} style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button size="small" icon={<PictureOutlined />} onClick={saveImage} data-testid={testId && `${testId}-image`}>
          保存图片
        </Button>
        <Button size="small" icon={<DownloadOutlined />} onClick={saveData} data-testid={testId && `${testId}-xlsx`}>
          导出数据
        </Button>
      </Space>
      <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />
    </div>
  );
}
