import { rankChangeLabel } from '../../domain/bulletins/scoring.js';
import ExcelJS, { neutraliseCell } from '../../server/exceljs.js';
import type { BulletinSnapshot } from './bulletins.schemas.js';

// The xlsx of a published 通报: sheet 排名 (名次, 区县, 总分, each indicator's score, 较上期) and sheet
// 指标数据 (every figure behind every score, one row per unit, indicator and figure). From the snapshot.

export async function exportBulletinRanking(snapshot: BulletinSnapshot, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '重庆市专精特新企业培育服务平台';
  const indicators = snapshot.indicators.filter((i) => i.weight > 0);

  const ranking = book.addWorksheet('排名');
  ranking.addRow([neutraliseCell(title)]);
  ranking.addRow([`数据截至 ${snapshot.asOf}；满分 ${snapshot.fullMark} 分`]);
  const head = ranking.addRow([
    '名次',
    '区县',
    '总分',
    ...indicators.map((i) => `${i.label}（${i.weight}分）`),
    '较上期名次',
    '较上期得分',
  ]);
  head.font = { bold: true };
  for (const u of snapshot.units)
    ranking.addRow([
      u.rank,
      neutraliseCell(u.name),
      u.total,
      ...indicators.map((i) => u.items.find((it) => it.key === i.key)?.score ?? '暂无数据'),
      rankChangeLabel(u.rankChange),
      u.totalChange ?? '—',
    ]);
  ranking.getColumn(2).width = 22;
  ranking.views = [{ state: 'frozen', ySplit: 3 }];

  const figures = book.addWorksheet('指标数据');
  const fhead = figures.addRow(['区县', '指标', '权重', '得分', '说明', '数据项', '数值']);
  fhead.font = { bold: true };
  for (const u of snapshot.units)
    for (const i of indicators) {
      const it = u.items.find((x) => x.key === i.key);
      const list = it?.figures.length ? it.figures : [{ label: '', display: '' }];
      for (const f of list)
        figures.addRow([
          neutraliseCell(u.name),
          i.label,
          i.weight,
          it?.score ?? '暂无数据',
          it?.note ?? '',
          neutraliseCell(f.label),
          neutraliseCell(f.display),
        ]);
    }
  figures.getColumn(1).width = 22;
  figures.getColumn(2).width = 26;
  figures.getColumn(6).width = 30;
  return Buffer.from(await book.xlsx.writeBuffer());
}
