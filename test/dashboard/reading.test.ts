import { describe, expect, it } from 'vitest';
import { buildReading, chineseDate } from '../../web/src/modules/dashboard/reading.js';
import { rowsLink, rowsSource } from '../../web/src/modules/dashboard/rows-link.js';

// The "数读" box of the cockpit and where a figure's rows open: pure functions of the web module.

const figures = [
  { key: 'enterprises.total', value: 31_250, rowsUrl: '/api/enterprises' },
  { key: 'titles.innovative', value: 12_034, rowsUrl: '/api/enterprises?title=innovative' },
  { key: 'titles.srdi', value: 2_365, rowsUrl: '/api/enterprises?title=srdi' },
  { key: 'titles.little_giant', value: 118, rowsUrl: '/api/enterprises?title=little_giant' },
];
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('数读', () => {
  it('writes the seeds’ sentences from the figures, every number linked to its rows', () => {
    const sections = buildReading({
      asOf: '2026-11-30',
      placeName: '全市',
      figures,
      topDistricts: [
        { label: '渝北区', value: 260, rowsUrl: '/api/enterprises?district=500112&title=srdi' },
        { label: '九龙坡区', value: 0, rowsUrl: 'x' },
      ],
      flows: [
        { year: 2026, tier: 'srdi', entered: 420, left: 12, enteredRowsUrl: '/e', leftRowsUrl: '/l' },
        { year: 2025, tier: 'srdi', entered: 99, left: 0, enteredRowsUrl: '/e2', leftRowsUrl: '/l2' },
        { year: 2026, tier: 'innovative', entered: 0, left: 0, enteredRowsUrl: '/e3', leftRowsUrl: '/l3' },
      ],
      trend: {
        period: '2026-10',
        series: [
          { key: 'srdi', revenueYoY: 14.7, profitYoY: 7.2 },
          { key: 'little_giant', revenueYoY: -3.25, profitYoY: null },
        ],
        all: { revenueYoY: 0, profitYoY: 1 },
      },
      targets: [
        { year: 2027, indicatorLabel: '专精特新中小企业', value: 5000, actual: 2365, completion: 0.473, rowsUrl: '/t', measure: 'stock' },
        { year: 2027, indicatorLabel: '专精特新“小巨人”企业', value: 120, actual: 30, completion: 0.25, rowsUrl: '/t2', measure: 'new' },
      ],
    });
    expect(sections.map((s) => s.heading)).toEqual(['2026年1-10月', '截至2026年11月30日']);
    expect(sections[0].lines.map(text)).toEqual([
      '全市专精特新中小企业营业收入累计同比增长14.7%，利润总额增长7.2%',
      '专精特新“小巨人”企业营业收入累计同比下降3.3%',
      '全部监测中小企业营业收入累计同比持平',
    ]);
    const lines = sections[1].lines;
    expect(lines.map(text)).toEqual([
      '全市有效期内专精特新中小企业2,365家，国家级专精特新“小巨人”企业118家',
      '创新型中小企业12,034家',
      '梯度培育企业库在库企业31,250家',
      '2026年新认定专精特新中小企业420家；退出专精特新中小企业12家',
      '专精特新中小企业较多的区县：渝北区260家',
      '2027年目标：专精特新中小企业5,000家，已完成2,365家（完成率47.3%）',
      '2027年目标：新增专精特新“小巨人”企业120家，已完成30家（完成率25.0%）',
    ]);
    // The numbers are the links; the words are not.
    expect(lines[0].filter((p) => p.rowsUrl).map((p) => [p.text, p.rowsUrl])).toEqual([
      ['2,365', '/api/enterprises?title=srdi'],
      ['118', '/api/enterprises?title=little_giant'],
    ]);
    expect(lines[3].filter((p) => p.rowsUrl).map((p) => p.rowsUrl)).toEqual(['/e', '/l']);
  });

  it('says only what it has: a district without monitoring, flows or targets', () => {
    const sections = buildReading({ asOf: '2026-01-05', placeName: '荣昌区', figures: figures.slice(2, 3) });
    expect(sections).toHaveLength(1);
    expect(sections[0].lines.map(text)).toEqual(['荣昌区有效期内专精特新中小企业2,365家']);
    expect(buildReading({ asOf: '2026-01-05', placeName: '荣昌区', figures: [] })).toEqual([]);
    const onlyExits = buildReading({
      asOf: '2026-01-05',
      placeName: '荣昌区',
      figures: [],
      flows: [{ year: 2026, tier: 'innovative', entered: 0, left: 3, enteredRowsUrl: '/e', leftRowsUrl: '/l' }],
    });
    expect(onlyExits[0].lines.map(text)).toEqual(['2026年退出创新型中小企业3家']);
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});

describe('rows of a figure', () => {
  it('opens the enterprise page when it knows every filter, else the cockpit’s rows page', () => {
    expect(rowsLink('/api/enterprises?district=500153&tier=srdi')).toBe('/enterprises?district=500153&tier=srdi');
    expect(rowsLink('/api/enterprises')).toBe('/enterprises');
    expect(rowsLink('/api/enterprises?title=srdi&district=500153')).toBe(
      `/dashboard/rows?src=${encodeURIComponent('/api/enterprises?title=srdi&district=500153')}`,
    );
    const flows = '/api/dashboard/flows/rows?year=2026&tier=srdi&direction=left';
    expect(rowsLink(flows)).toBe(`/dashboard/rows?src=${encodeURIComponent(flows)}`);
  });

  it('fetches only the lists it knows', () => {
    expect(rowsSource('/api/enterprises?title=srdi')?.params.get('title')).toBe('srdi');
    expect(rowsSource('/api/dashboard/flows/rows?year=2026')?.path).toBe('/api/dashboard/flows/rows');
    for (const bad of [undefined, '', '/api/users', 'https://example.com/api/enterprises', '/api/enterprises/../users']) {
      expect(rowsSource(bad), String(bad)).toBeNull();
    }
  });
});
