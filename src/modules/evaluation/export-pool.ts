import { PassThrough } from 'node:stream';
import { TIER_LABELS } from '../../domain/enterprise-rules.js';
import { ruleSetName } from '../../domain/evaluation/rule-set-names.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import ExcelJS from '../../server/exceljs.js';
import { listPipelinePool, type PoolFilter } from './list-pipeline-pool.js';

const TIERS: Record<string, string> = TIER_LABELS;
const OUTCOMES: Record<string, string> = { qualified: '已符合', not_qualified: '差一项', needs_review: '待人工审核' };

/** The pool as filtered, to xlsx, page by page (streamed). */
export async function exportPool(
  ctx: AppContext,
  actor: Actor | null,
  filter: Omit<PoolFilter, 'page' | 'pageSize'>,
): Promise<PassThrough> {
  const first = await listPipelinePool(ctx, actor, { ...filter, page: 1, pageSize: 1 }); // access check before streaming
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('后备库');
  sheet.columns = [
    { header: '统一社会信用代码', key: 'uscc', width: 22 },
    { header: '企业名称', key: 'name', width: 36 },
    { header: '区县', key: 'district', width: 10 },
    { header: '行业大类', key: 'industry', width: 10 },
    { header: '目标梯度', key: 'tier', width: 22 },
    { header: '评价结论', key: 'outcome', width: 12 },
    { header: '评价得分', key: 'score', width: 10 },
    { header: '还差什么', key: 'missing', width: 80 },
    { header: '评价规则', key: 'ruleSet', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  (async () => {
    const pageSize = 200;
    for (let page = 1; (page - 1) * pageSize < first.total; page++) {
      const { items } = await listPipelinePool(ctx, actor, { ...filter, page, pageSize });
      for (const i of items) {
        sheet
          .addRow({
            uscc: i.uscc,
            name: i.name,
            district: i.districtName,
            industry: i.industryCode,
            tier: TIERS[i.tier],
            outcome: OUTCOMES[i.outcome] ?? i.outcome,
            score: i.score,
            missing: i.missing.join('；'),
            ruleSet: ruleSetName(i.ruleSet),
          })
          .commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}
