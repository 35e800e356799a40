import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { SECTOR_LABELS } from '../../../../src/domain/sme-size';
import { fileSize } from '../../shared/file-size';
import { count, date, dateTime, percent, wan } from '../../shared/format';
import { QUALITY_ITEMS, QUALITY_LABELS, RD_INSTITUTION_LABELS, TIER_LABELS } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { type ApplicationFormData, applicationPdfUrl, fetchApplication, recognitionKeys } from './api';
import { MONEY_FIGURES } from './form-values';

// A4 portrait: the menu and header of the app go, the sheet keeps its margins, tables do not break inside a row.
const PRINT_CSS = `
.print-sheet { max-width: 800px; margin: 0 auto; background: #fff; padding: 32px 40px; color: #000; font-size: 14px; line-height: 1.6; }
.print-sheet h1 { text-align: center; font-size: 22px; margin: 0 0 4px; }
.print-sheet h2 { font-size: 16px; margin: 20px 0 8px; border-bottom: 1px solid #000; padding-bottom: 2px; }
.print-sheet table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
.print-sheet th, .print-sheet td { border: 1px solid #555; padding: 4px 6px; text-align: left; vertical-align: top; }
.print-sheet th { background: #f2f2f2; width: 22%; font-weight: normal; }
.print-sheet td.num { text-align: right; white-space: nowrap; }
.print-sheet .meta { text-align: center; margin-bottom: 12px; }
.print-sheet .pledge { margin-top: 16px; }
.print-sheet .sign { margin-top: 32px; display: flex; justify-content: space-between; }
@page { size: A4 portrait; margin: 16mm 14mm; }
@media print {
  .ant-layout-header, .ant-layout-sider, .ant-message, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { padding: 0 !important; margin: 0 !important; background: #fff !important; }
  .print-sheet { max-width: none; padding: 0; font-size: 12pt; }
  .print-sheet tr, .print-sheet h2 { break-inside: avoid; page-break-inside: avoid; }
  .print-sheet h2 { break-after: avoid; }
}
`;

const FIGURE_LABELS: [string, string][] = [
  ['revenue', '营业收入（万元）'],
  ['mainRevenue', '主营业务收入（万元）'],
  ['netProfit', '净利润（万元）'],
  ['totalAssets', '资产总额（万元）'],
  ['totalLiabilities', '负债总额（万元）'],
  ['rdExpense', '研发费用（万元）'],
  ['employees', '从业人员（人）'],
  ['rdStaff', '研发人员（人）'],
  ['equityFinancing', '新增股权融资（万元）'],
];
const MONEY = new Set<string>(MONEY_FIGURES);
const OUTCOME_LABELS: Record<string, string> = { qualified: '符合', not_qualified: '不符合', needs_review: '待人工审核' };
const AWARD_LEVELS: Record<string, string> = { national: '国家级', provincial: '省级' };
const PRODUCT_FIELDS: Record<string, string> = { strategic_emerging: '属于战略性新兴产业', other: '其他' };
const SRDI_FIELDS: Record<string, string> = {
  key_chain: '关键领域补短板/锻长板/填空白',
  six_basics: '工业“六基”、老字号或链主配套',
  none: '不属于',
};
const QUALIFICATIONS: [string, string][] = [
  ['highTech', '高新技术企业'],
  ['techSme', '科技型中小企业'],
  ['innovativeSme', '创新型中小企业'],
  ['srdiSme', '专精特新中小企业'],
];

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : String(v));
const num = (v: unknown, unit = ''): string => (typeof v === 'number' ? `${count(v)}${unit}` : '—');

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th>{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 申报书 print view: the data frozen at submission, the score, the evidence list; A4 when printed, with the PDF beside it. */
export default function ApplicationPrint() {
  const { id = '' } = useParams();
  const ref = useReference();
  const detail = useQuery({ queryKey: recognitionKeys.application(id), queryFn: () => fetchApplication(id) });
  if (detail.error) return <Alert type="error" showIcon title={(detail.error as Error).message} />;
  const app = detail.data;
  if (!app) return null;
  // Before submission there is nothing frozen: the draft as it stands, marked as such.
  const form = (app.frozen?.form ?? app.form ?? {}) as ApplicationFormData;
  const basic = (form.basic ?? {}) as Record<string, unknown>;
  const spec = (form.specialisation ?? {}) as Record<string, unknown>;
  const refine = (form.refinement ?? {}) as Record<string, unknown> & { quality?: Record<string, boolean> };
  const featured = (form.featured ?? {}) as Record<string, unknown>;
  const innovation = (form.innovation ?? {}) as Record<string, unknown> & {
    ip?: Record<string, number>;
    awards?: { level: string; rank: number; year: number }[];
  };
  const other = (form.other ?? {}) as Record<string, unknown> & { qualifications?: Record<string, boolean> };
  const years = [...((form.operations?.years ?? []) as ({ year: number } & Record<string, number | null | undefined>)[])].sort(
    (a, b) => b.year - a.year,
  );
  const evaluation = app.evaluation;
  const indicatorName = new Map((evaluation?.indicators ?? []).map((i) => [i.id, i.name]));
  const evidenceName = (indicatorId: string | null) =>
    indicatorId ? (indicatorName.get(indicatorId) ?? (indicatorId === 'general' ? '其他佐证材料' : '佐证材料')) : '其他佐证材料';

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <Button href={applicationPdfUrl(app.id)}>下载 PDF</Button>
        {!app.frozen && (
          <Typography.Text style={{ color: '#ad4e00' }}>尚未提交：以下为当前草稿，提交后以提交时的数据为准。</Typography.Text>
        )}
      </Space>
      <div className="print-sheet" data-testid="print-sheet">
        <h1>{TIER_LABELS[app.tier] ?? '梯度培育'}认定申报书</h1>
        <div className="meta">
          {app.round.name} · 申报状态：{app.statusLabel}
          {app.submittedAt ? ` · 提交时间：${dateTime(app.submittedAt)}` : ''}
        </div>

        <h2>一、基本情况</h2>
        <Rows
          rows={[
            ['企业名称', text(basic.name ?? app.enterpriseName)],
            ['统一社会信用代码', text(basic.uscc ?? app.uscc)],
            ['所在区县', app.districtName],
            ['所属行业', text(ref.industryName(basic.industryCode as string | null))],
            ['划型行业', text(SECTOR_LABELS[basic.sector as keyof typeof SECTOR_LABELS])],
            ['成立日期', date(basic.establishedOn as string | null)],
            ['注册资本（万元）', wan(basic.registeredCapital as number | null)],
            ['法定代表人', text(basic.legalRepresentative)],
            ['注册地址', text(basic.address)],
            ['联系人及电话', `${text(basic.contactName)}　${text(basic.contactPhone)}`],
            ['主导产品（服务）', text(basic.mainProduct)],
            ['所属细分市场', text(basic.nicheMarket)],
          ]}
        />

        <h2>二、经营情况</h2>
        {years.length ? (
          <table>
            <thead>
              <tr>
                <th>指标</th>
                {years.map((y) => (
                  <th key={y.year} style={{ width: 'auto' }}>
                    {y.year} 年
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {FIGURE_LABELS.map(([k, label]) => (
                <tr key={k}>
                  <th>{label}</th>
                  {years.map((y) => (
                    <td key={y.year} className="num">
                      {MONEY.has(k) ? wan(y[k]) : count(y[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>未填写。</p>
        )}

        <h2>三、专业化</h2>
        <Rows
          rows={[
            ['进入细分市场年份', spec.nicheEntryYear ? `${spec.nicheEntryYear} 年` : '—'],
            ['细分市场占有率', typeof spec.nicheMarketShare === 'number' ? percent(spec.nicheMarketShare) : '—'],
            ['国内细分市场排名', typeof spec.domesticRank === 'number' ? `第 ${count(spec.domesticRank)} 位` : '—'],
            ['主导产品领域（创新型）', text(PRODUCT_FIELDS[spec.mainProductField as string])],
            ['主导产品领域（专精特新）', text(SRDI_FIELDS[spec.srdiField as string])],
            ['情况说明', text(spec.description)],
          ]}
        />

        <h2>四、精细化</h2>
        <Rows
          rows={[
            ['数字化水平', num(refine.digitalLevel, ' 级')],
            [
              '质量管理',
              QUALITY_ITEMS.filter((k) => refine.quality?.[k])
                .map((k) => QUALITY_LABELS[k])
                .join('、') || '—',
            ],
            ['情况说明', text(refine.description)],
          ]}
        />

        <h2>五、特色化</h2>
        <Rows
          rows={[
            ['特色化指标自评', num(featured.featuredScore, ' 分')],
            ['情况说明', text(featured.description)],
          ]}
        />

        <h2>六、创新能力</h2>
        <Rows
          rows={[
            [
              '知识产权',
              `Ⅰ类 ${num(innovation.ip?.classI, ' 项')}（其中高价值 ${num(innovation.ip?.classIHighValue, ' 项')}、自主研发 ${num(
                innovation.ip?.classISelfDeveloped,
                ' 项',
              )}），Ⅱ类 ${num(innovation.ip?.classII, ' 项')}`,
            ],
            ['研发机构', text(RD_INSTITUTION_LABELS[innovation.rdInstitution as string])],
            [
              '获奖情况',
              innovation.awards?.length
                ? innovation.awards.map((a) => `${a.year} 年${AWARD_LEVELS[a.level] ?? ''}奖（第 ${a.rank} 完成单位）`).join('；')
                : '—',
            ],
            ['情况说明', text(innovation.description)],
          ]}
        />

        <h2>七、其他</h2>
        <Rows
          rows={[
            [
              '已取得的资质',
              QUALIFICATIONS.filter(([k]) => other.qualifications?.[k])
                .map(([, l]) => l)
                .join('、') || '—',
            ],
            ['专精特新发展评价得分', num(other.developmentScore, ' 分')],
            ['其他说明', text(other.note)],
          ]}
        />

        <h2>八、自评结果</h2>
        {evaluation ? (
          <>
            <Rows
              rows={[
                ['评价结论', OUTCOME_LABELS[evaluation.outcome] ?? '—'],
                ['自评得分', evaluation.score === null ? '本规则不计分' : `${count(evaluation.score)} 分`],
              ]}
            />
            {evaluation.indicators.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th style={{ width: 'auto' }}>指标</th>
                    <th style={{ width: 'auto' }}>档次</th>
                    <th style={{ width: 'auto' }}>得分</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluation.indicators.map((i) => (
                    <tr key={i.id}>
                      <td>{i.name}</td>
                      <td>{i.band}</td>
                      <td className="num">
                        {count(i.points)} / {count(i.max)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        ) : (
          <p>提交后生成。</p>
        )}

        <h2>九、佐证材料清单</h2>
        {app.files.length ? (
          <table data-testid="print-evidence">
            <thead>
              <tr>
                <th style={{ width: 50 }}>序号</th>
                <th style={{ width: 'auto' }}>对应指标</th>
                <th style={{ width: 'auto' }}>文件名</th>
                <th style={{ width: 90 }}>大小</th>
              </tr>
            </thead>
            <tbody>
              {app.files.map((f, n) => (
                <tr key={f.id}>
                  <td className="num">{n + 1}</td>
                  <td>{evidenceName(f.indicatorId)}</td>
                  <td>{f.name}</td>
                  <td className="num">{fileSize(f.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>未上传佐证材料。</p>
        )}

        <div className="pledge">
          <p>
            本企业郑重承诺：所填报的信息和提交的佐证材料真实、准确、完整；近三年未发生重大安全（含网络安全、数据安全）、质量、环境污染等事故，无偷漏税和其他严重违法违规、严重失信行为。如有虚假，愿承担相应责任。
          </p>
          <div className="sign">
            <span>企业（盖章）：</span>
            <span>法定代表人（签字）：</span>
            <span>日期：{app.submittedAt ? date(app.submittedAt) : '　　年　　月　　日'}</span>
          </div>
        </div>
      </div>
    </>
  );
}
