import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { wanText } from '../../domain/amounts.js';
import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { evaluateRuleSet } from '../../domain/evaluation/evaluate.js';
import { ruleSetName } from '../../domain/evaluation/rule-set-names.js';
import type { TierResult } from '../../domain/evaluation/types.js';
import { MAIN_PRODUCT_FIELD_LABELS, RD_INSTITUTION_LABELS } from '../../domain/labels.js';
import { formToEvaluationInput } from '../../domain/recognition/form.js';
import { RECOGNITION_STATUS_LABELS, type RecognitionStatus, ROUND_TYPE_LABELS } from '../../domain/recognition/lifecycle.js';
import { assessmentDateOf } from '../../domain/recognition/window.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { currentCorrections } from '../evaluation/load-corrections.js';
import { selectRoundOf } from './applications.repo.js';
import { loadApplication } from './load-application.js';
import { presentApplication } from './present-application.js';
import { pdfFontMissing } from './recognition.errors.js';
import type { ApplicationForm } from './recognition.schemas.js';

/** Debian's Noto Sans CJK (package fonts-noto-cjk): the font unless ZJTX_PDF_FONT names another. */
export const DEFAULT_PDF_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face of a font collection (.ttc) the PDF uses: Simplified Chinese. */
const TTC_FACE = 'NotoSansCJKsc-Regular';

const OUTCOME_LABELS: Record<string, string> = { qualified: '符合', not_qualified: '不符合', needs_review: '待人工审核' };
const SRDI_FIELD_LABELS: Record<string, string> = {
  key_chain: '关键领域补短板、锻长板、填空白',
  six_basics: '工业“六基”、老字号或链主配套',
  none: '无',
};
const QUALITY_LABELS: Record<string, string> = {
  provincialAward: '获得省级以上质量奖',
  managementCertified: '通过质量管理体系认证',
  ownBrand: '拥有自主品牌',
  standards: '主持或参与制修订标准',
};
const QUALIFICATION_LABELS: Record<string, string> = {
  highTech: '高新技术企业',
  techSme: '科技型中小企业',
  innovativeSme: '创新型中小企业',
  srdiSme: '专精特新中小企业',
};
const YEAR_LINES: [string, string, 'yuan' | 'count'][] = [
  ['revenue', '营业收入', 'yuan'],
  ['mainRevenue', '主营业务收入', 'yuan'],
  ['netProfit', '净利润', 'yuan'],
  ['totalAssets', '资产总额', 'yuan'],
  ['totalLiabilities', '负债总额', 'yuan'],
  ['rdExpense', '研发费用', 'yuan'],
  ['employees', '从业人员', 'count'],
  ['rdStaff', '研发人员', 'count'],
  ['equityFinancing', '股权融资', 'yuan'],
];

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '未填写' : String(v));
const wan = (v: number | null | undefined) => (v === null || v === undefined ? '未填写' : `${wanText(v)} 万元`);
const people = (v: number | null | undefined) => (v === null || v === undefined ? '未填写' : `${v.toLocaleString('zh-CN')} 人`);
const yesNo = (v: boolean | undefined) => (v ? '是' : '否');
const shanghaiTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, dateStyle: 'long', timeStyle: 'short' });

/** The font the PDF is set in, or 503 PDF_FONT_MISSING when the server has none. */
function fontOf(configured: string | undefined): { path: string; face?: string } {
  const path = configured ?? DEFAULT_PDF_FONT;
  if (!existsSync(path)) throw pdfFontMissing();
  return path.toLowerCase().endsWith('.ttc') ? { path, face: TTC_FACE } : { path };
}

/**
 * The 申报书 as a PDF (GET …/pdf): the frozen data (a draft: the form as saved, marked as a draft),
 * the self-evaluation score with its indicators, the evidence list and the pledge. Whoever may read
 * the application may print it (404 outside the scope); no font → 503.
 */
export async function renderApplicationPdf(ctx: AppContext, actor: Actor | null, id: string) {
  const who = requireAccess(actor, 'recognition.read');
  const row = await loadApplication(ctx.db, who, id);
  const font = fontOf(ctx.config.pdfFont);
  const detail = await presentApplication(ctx, who, row);
  const form = (detail.frozen?.form ?? detail.form) as ApplicationForm;
  let evaluation = detail.evaluation as TierResult | null;
  if (!evaluation) {
    const round = await selectRoundOf(ctx.db, row.roundId);
    if (round) {
      const input = formToEvaluationInput(form, round, assessmentDateOf(round, todayInShanghai()));
      evaluation = evaluateRuleSet(input, round.ruleSet, await currentCorrections(ctx));
    }
  }
  const body = await draw(font, detail, form, evaluation);
  return { fileName: `${detail.enterpriseName}${detail.round.name}申报书.pdf`, body };
}

type Detail = Awaited<ReturnType<typeof presentApplication>>;

function draw(font: { path: string; face?: string }, d: Detail, form: ApplicationForm, evaluation: TierResult | null): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${d.round.name}申报书`, Author: d.enterpriseName } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont('cjk', font.path, font.face);
    doc.font('cjk');
  } catch {
    doc.end();
    throw pdfFontMissing();
  }
  const heading = (s: string) => doc.moveDown(0.6).fontSize(13).text(s).moveDown(0.2).fontSize(10);
  const line = (label: string, value: string) => doc.text(`${label}：${value}`);

  doc.fontSize(18).text(`${d.round.name}申报书`, { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .text(
      `申报层级：${TIER_LABELS[d.tier as Tier] ?? d.tierLabel}　申报类型：${ROUND_TYPE_LABELS[d.round.type as 'new' | 'review'] ?? ''}`,
      {
        align: 'center',
      },
    );
  const status = RECOGNITION_STATUS_LABELS[d.status as RecognitionStatus] ?? d.statusLabel;
  doc.text(d.submittedAt ? `提交时间：${shanghaiTime(d.submittedAt)}　当前状态：${status}` : '草稿（尚未提交），以下为已保存的填写内容', {
    align: 'center',
  });

  const b = form.basic ?? {};
  heading('一、基本情况');
  line('企业名称', text(b.name ?? d.enterpriseName));
  line('统一社会信用代码', text(b.uscc ?? d.uscc));
  line('所在区县', d.districtName);
  line('国民经济行业代码', text(b.industryCode));
  line('成立日期', text(b.establishedOn));
  line('注册资本', wan(b.registeredCapital));
  line('法定代表人', text(b.legalRepresentative));
  line('注册地址', text(b.address));
  line('联系人', text(b.contactName));
  line('联系电话', text(b.contactPhone));
  line('主导产品', text(b.mainProduct));
  line('细分市场', text(b.nicheMarket));

  heading('二、经营情况');
  const years = [...(form.operations?.years ?? [])].sort((x, y) => x.year - y.year);
  if (!years.length) doc.text('未填写');
  for (const y of years) {
    const parts = YEAR_LINES.map(([key, label, kind]) => {
      const v = (y as Record<string, number | null | undefined>)[key];
      return `${label} ${kind === 'yuan' ? wan(v) : people(v)}`;
    });
    doc.text(`${y.year} 年：${parts.join('；')}`);
  }

  const s = form.specialisation ?? {};
  heading('三、专业化');
  line('从事细分市场起始年份', s.nicheEntryYear ? `${s.nicheEntryYear} 年` : '未填写');
  line('细分市场占有率', s.nicheMarketShare === null || s.nicheMarketShare === undefined ? '未填写' : `${s.nicheMarketShare}%`);
  line('国内细分市场排名', s.domesticRank ? `第 ${s.domesticRank} 位` : '未填写');
  line('主导产品所属领域', s.mainProductField ? (MAIN_PRODUCT_FIELD_LABELS[s.mainProductField] ?? '其他') : '未填写');
  line('重点领域', s.srdiField ? (SRDI_FIELD_LABELS[s.srdiField] ?? '无') : '未填写');
  if (s.description) line('说明', s.description);

  const r = form.refinement ?? { quality: {} };
  heading('四、精细化');
  line('数字化水平', r.digitalLevel === null || r.digitalLevel === undefined ? '未填写' : `${r.digitalLevel} 级`);
  for (const [key, label] of Object.entries(QUALITY_LABELS)) line(label, yesNo((r.quality as Record<string, boolean | undefined>)?.[key]));
  if (r.description) line('说明', r.description);

  heading('五、特色化');
  line(
    '特色化指标自评',
    form.featured?.featuredScore === null || form.featured?.featuredScore === undefined ? '未填写' : `${form.featured.featuredScore} 分`,
  );
  if (form.featured?.description) line('说明', form.featured.description);

  const i = form.innovation ?? { ip: {}, awards: [] };
  heading('六、创新能力');
  line(
    'Ⅰ类知识产权',
    `${i.ip?.classI ?? 0} 项（其中高价值 ${i.ip?.classIHighValue ?? 0} 项，自主研发 ${i.ip?.classISelfDeveloped ?? 0} 项）`,
  );
  line('Ⅱ类知识产权', `${i.ip?.classII ?? 0} 项`);
  line('研发机构', i.rdInstitution ? (RD_INSTITUTION_LABELS[i.rdInstitution] ?? '无') : '未填写');
  line(
    '获奖情况',
    i.awards?.length ? i.awards.map((a) => `${a.year} 年${a.level === 'national' ? '国家级' : '省级'}第 ${a.rank} 名`).join('；') : '无',
  );
  line(
    '“创客中国”大赛',
    i.makerContest ? `${i.makerContest.year} 年${i.makerContest.level === 'national' ? '全国' : '省级'}第 ${i.makerContest.rank} 名` : '无',
  );
  if (i.description) line('说明', i.description);

  const o = form.other ?? { qualifications: {} };
  heading('七、其他');
  const held = Object.entries(QUALIFICATION_LABELS)
    .filter(([key]) => (o.qualifications as Record<string, boolean | undefined>)?.[key])
    .map(([, label]) => label);
  line('已有资质', held.length ? held.join('、') : '无');
  line('专精特新发展评价得分', o.developmentScore === null || o.developmentScore === undefined ? '未填写' : `${o.developmentScore} 分`);
  if (o.note) line('说明', o.note);

  heading(d.submittedAt ? '八、自评结果（提交时）' : '八、自评结果（按当前填写内容）');
  if (!evaluation) doc.text('暂无');
  else {
    line('评价规则', ruleSetName(evaluation.ruleSet));
    line('结论', OUTCOME_LABELS[evaluation.outcome] ?? '待人工审核');
    line('得分', evaluation.score === null ? '该规则不计分' : `${evaluation.score} 分`);
    for (const c of evaluation.categories) doc.text(`${c.name}：${c.score} / ${c.max} 分`);
    for (const ind of evaluation.indicators) doc.text(`· ${ind.name}：${ind.band}（${ind.points} / ${ind.max} 分）`);
    for (const c of evaluation.conditions.filter((x) => x.status !== 'met'))
      doc.text(`· ${c.name}：${c.status === 'not_met' ? '不满足' : '待人工审核'}（${c.detail}）`);
    for (const m of evaluation.missing) doc.text(`· 尚缺：${m.message}`);
  }

  heading('九、佐证材料清单');
  const names = new Map<string, string>([
    ...(evaluation?.indicators.map((x) => [x.id, x.name] as [string, string]) ?? []),
    ...(evaluation?.conditions.map((x) => [x.id, x.name] as [string, string]) ?? []),
  ]);
  if (!d.files.length) doc.text('未上传佐证材料');
  for (const f of d.files) doc.text(`· ${f.indicatorId ? (names.get(f.indicatorId) ?? '其他材料') : '其他材料'}：${f.name}`);

  heading('十、承诺');
  doc.text('本企业承诺：所填报的信息和提供的材料真实、准确、完整，近三年合规经营，无重大安全、质量、环境污染等事故，无严重失信行为。');
  doc.text(d.submittedAt ? `承诺时间：${shanghaiTime(d.submittedAt)}` : '（提交申报时确认）');
  doc.end();
  return done;
}
