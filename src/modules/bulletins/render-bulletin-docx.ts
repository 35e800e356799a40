import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { rankChangeLabel } from '../../domain/bulletins/scoring.js';
import type { BulletinSnapshot } from './bulletins.schemas.js';
import { BULLETIN_ADDRESSEES, BULLETIN_ISSUER, chineseDate, composeBulletinText } from './compose-bulletin-text.js';

// The Word file of a published 通报, from its frozen snapshot, in the layout of a government notice
// (GB/T 9704 in outline): the issuer's mark in red, 文号, a red line, 标题 in 小标宋 二号, 主送,
// 正文 in 仿宋 三号 with 28 pt lines and two-character indents, 落款 and date, and the 附表 ranking
// on a landscape page. Fonts are named as offices have them (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体);
// a machine without them shows its own Song/FangSong family, the Latin text is Times New Roman.

const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const BODY_FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TABLE_FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const SIZE_2 = 44; // 二号 22 pt (half-points)
const SIZE_3 = 32; // 三号 16 pt
const SIZE_TABLE = 20; // 10 pt
const LINE = { line: 580, lineRule: LineRuleType.EXACT }; // 29 pt
const RED = 'D40000';

const body = (
  text: string,
  opts: { indent?: boolean; font?: typeof BODY_FONT; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    children: [new TextRun({ text, font: opts.font ?? BODY_FONT, size: SIZE_3 })],
  });

const cell = (text: string, opts: { bold?: boolean; shade?: boolean; width?: number } = {}) =>
  new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
    shading: opts.shade ? { fill: 'F2F2F2' } : undefined,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, font: TABLE_FONT, size: SIZE_TABLE, bold: opts.bold })],
      }),
    ],
  });

export interface BulletinDocMeta {
  title: string;
  documentNo: string | null;
  publishedOn: string;
}

export async function renderBulletinDocx(snapshot: BulletinSnapshot, meta: BulletinDocMeta): Promise<Buffer> {
  const text = composeBulletinText(snapshot);
  const indicators = snapshot.indicators.filter((i) => i.weight > 0);
  // Column widths (twips) on a landscape A4 page of 14,570 twips between the margins.
  const indicatorWidth = Math.floor(9600 / Math.max(indicators.length, 1));
  const widths = [700, 2300, 1100, ...indicators.map(() => indicatorWidth), 900];
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell('名次', { bold: true, shade: true, width: widths[0] }),
      cell('区县', { bold: true, shade: true, width: widths[1] }),
      cell(`总分（满分${snapshot.fullMark}）`, { bold: true, shade: true, width: widths[2] }),
      ...indicators.map((i, n) => cell(`${i.label}（${i.weight}分）`, { bold: true, shade: true, width: widths[3 + n] })),
      cell('较上期', { bold: true, shade: true, width: widths[widths.length - 1] }),
    ],
  });
  const rows = snapshot.units.map(
    (u) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(u.rank), { width: widths[0] }),
          cell(u.name, { width: widths[1] }),
          cell(u.total.toFixed(2), { width: widths[2] }),
          ...indicators.map((i, n) => {
            const it = u.items.find((x) => x.key === i.key);
            return cell(it?.score === null || it?.score === undefined ? '暂无数据' : it.score.toFixed(2), { width: widths[3 + n] });
          }),
          cell(rankChangeLabel(u.rankChange), { width: widths[widths.length - 1] }),
        ],
      }),
  );

  const doc = new Document({
    creator: BULLETIN_ISSUER,
    title: meta.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE_3 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: BULLETIN_ISSUER, font: TITLE_FONT, size: 60, color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            border: { bottom: { color: RED, space: 8, style: BorderStyle.SINGLE, size: 18 } },
            children: [new TextRun({ text: meta.documentNo ?? '', font: BODY_FONT, size: SIZE_3 })],
          }),
          new Paragraph({ spacing: LINE, children: [] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 300 },
            children: [new TextRun({ text: meta.title, font: TITLE_FONT, size: SIZE_2 })],
          }),
          body(BULLETIN_ADDRESSEES, { indent: false }),
          body(text.intro),
          ...text.sections.flatMap((s) => [body(s.heading, { font: HEADING_FONT }), ...s.paragraphs.map((p) => body(p))]),
          body('附件：各区县专精特新企业培育工作得分及排名表'),
          new Paragraph({ spacing: LINE, children: [] }),
          new Paragraph({ spacing: LINE, children: [] }),
          body(BULLETIN_ISSUER, { indent: false, align: AlignmentType.RIGHT }),
          body(chineseDate(meta.publishedOn), { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
      {
        properties: {
          page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: '附件', font: HEADING_FONT, size: SIZE_3 })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 200, after: 200 },
            children: [
              new TextRun({ text: `${snapshot.periodLabel}各区县专精特新企业培育工作得分及排名表`, font: TITLE_FONT, size: SIZE_3 }),
            ],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: widths, rows: [header, ...rows] }),
          new Paragraph({
            spacing: { before: 200 },
            children: [
              new TextRun({
                text: `注：数据截至${chineseDate(snapshot.asOf)}。目标完成率计分封顶 ${Math.round(snapshot.cap * 100)}%；未设定目标的指标不得分，本期不涉及的比率指标按各区县平均得分计；“暂无数据”指标不计分、不计入满分。`,
                font: BODY_FONT,
                size: SIZE_TABLE + 4,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
