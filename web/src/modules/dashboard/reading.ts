// The "数读" box (数读“专精特新”渝企, as the seeds print it): sentences generated from the cockpit's
// figures. Each number is a part with the rows behind it, so that the page can link it.

/** A piece of the text: plain, or a number with the API path of its rows. */
export type ReadingPart = { text: string; rowsUrl?: string };
export interface ReadingSection {
  heading: string;
  lines: ReadingPart[][];
}

export interface ReadingInput {
  asOf: string;
  /** 全市, or the district's name. */
  placeName: string;
  figures: { key: string; value: number; rowsUrl: string }[];
  /** The largest districts by 专精特新 count (city only), largest first. */
  topDistricts?: { label: string; value: number; rowsUrl: string }[];
  /** 有进有出 of the year of asOf, per tier. */
  flows?: { year: number; tier: string; entered: number; left: number; enteredRowsUrl: string; leftRowsUrl: string }[];
  /** The latest month of this year's monitoring trend with figures. */
  trend?: {
    period: string;
    series: { key: string; revenueYoY: number | null; profitYoY: number | null }[];
    all: { revenueYoY: number | null; profitYoY: number | null };
  };
  /** Targets of the place for a year, with their progress. */
  targets?: { year: number; indicatorLabel: string; value: number; actual: number; completion: number; rowsUrl: string; measure: string }[];
}

const n = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
const pct = (v: number) => `${v.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

/** "2026-12-01" → "2026年12月1日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Growth as a sentence says it: 增长 14.7% / 下降 3.2% / 持平. */
function growthWords(v: number): string {
  if (v > 0) return `增长${pct(v)}`;
  if (v < 0) return `下降${pct(-v)}`;
  return '持平';
}

const TIER_WORDS: Record<string, string> = {
  innovative: '创新型中小企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
};

/** The sections of the box; empty when there is nothing to say. */
export function buildReading(input: ReadingInput): ReadingSection[] {
  const sections: ReadingSection[] = [];
  const place = input.placeName;
  const fig = (key: string) => input.figures.find((f) => f.key === key);
  const num = (v: number, rowsUrl?: string): ReadingPart => ({ text: n(v), rowsUrl });

  const t = input.trend;
  if (t) {
    const month = Number(t.period.slice(5, 7));
    const lines: ReadingPart[][] = [];
    const srdi = t.series.find((s) => s.key === 'srdi');
    const giant = t.series.find((s) => s.key === 'little_giant');
    if (srdi && srdi.revenueYoY !== null) {
      lines.push([
        {
          text: `${place}专精特新中小企业营业收入累计同比${growthWords(srdi.revenueYoY)}${srdi.profitYoY !== null ? `，利润总额${growthWords(srdi.profitYoY)}` : ''}`,
        },
      ]);
    }
    if (giant && giant.revenueYoY !== null) lines.push([{ text: `专精特新“小巨人”企业营业收入累计同比${growthWords(giant.revenueYoY)}` }]);
    if (t.all.revenueYoY !== null) lines.push([{ text: `全部监测中小企业营业收入累计同比${growthWords(t.all.revenueYoY)}` }]);
    if (lines.length) sections.push({ heading: `${t.period.slice(0, 4)}年${month === 1 ? '1月' : `1-${month}月`}`, lines });
  }

  const lines: ReadingPart[][] = [];
  const srdi = fig('titles.srdi');
  const giant = fig('titles.little_giant');
  const innovative = fig('titles.innovative');
  if (srdi || giant) {
    const line: ReadingPart[] = [{ text: `${place}有效期内` }];
    if (srdi) line.push({ text: '专精特新中小企业' }, num(srdi.value, srdi.rowsUrl), { text: '家' });
    if (srdi && giant) line.push({ text: '，' });
    if (giant) line.push({ text: '国家级专精特新“小巨人”企业' }, num(giant.value, giant.rowsUrl), { text: '家' });
    lines.push(line);
  }
  if (innovative) lines.push([{ text: '创新型中小企业' }, num(innovative.value, innovative.rowsUrl), { text: '家' }]);
  const total = fig('enterprises.total');
  if (total) lines.push([{ text: '梯度培育企业库在库企业' }, num(total.value, total.rowsUrl), { text: '家' }]);
  const year = Number(input.asOf.slice(0, 4));
  const flows = (input.flows ?? []).filter((f) => f.year === year && (f.entered > 0 || f.left > 0));
  if (flows.length) {
    const line: ReadingPart[] = [];
    const tierList = (rows: typeof flows, which: 'entered' | 'left') =>
      rows.forEach((f, i) => {
        if (i > 0) line.push({ text: '、' });
        line.push({ text: TIER_WORDS[f.tier] ?? f.tier }, num(f[which], which === 'entered' ? f.enteredRowsUrl : f.leftRowsUrl), {
          text: '家',
        });
      });
    const came = flows.filter((f) => f.entered > 0);
    const gone = flows.filter((f) => f.left > 0);
    if (came.length) {
      line.push({ text: `${year}年新认定` });
      tierList(came, 'entered');
    }
    if (gone.length) {
      line.push({ text: came.length ? '；退出' : `${year}年退出` });
      tierList(gone, 'left');
    }
    lines.push(line);
  }
  const top = (input.topDistricts ?? []).filter((d) => d.value > 0).slice(0, 3);
  if (top.length) {
    const line: ReadingPart[] = [{ text: '专精特新中小企业较多的区县：' }];
    top.forEach((d, i) => {
      if (i > 0) line.push({ text: '、' });
      line.push({ text: d.label }, num(d.value, d.rowsUrl), { text: '家' });
    });
    lines.push(line);
  }
  for (const target of input.targets ?? []) {
    lines.push([
      { text: `${target.year}年目标：${target.measure === 'new' ? '新增' : ''}${target.indicatorLabel}${n(target.value)}家，已完成` },
      num(target.actual, target.rowsUrl),
      { text: `家（完成率${pct(target.completion * 100)}）` },
    ]);
  }
  if (lines.length) sections.push({ heading: `截至${chineseDate(input.asOf)}`, lines });
  return sections;
}
