import { multipart, xlsx } from '../../support/files.js';
import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

const reports = 'select count(*)::int as n, coalesce(sum(version), 0)::int as v from monitoring_reports';

/** Part I: the import template, the import of a month's reports and the export are officers' only. */
const part: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures) {
    const [firm] = await f.query<{ uscc: string; name: string }>('select uscc, name from enterprises where id = $1', [f.demoEnterpriseId]);
    const file = await xlsx([
      ['统一社会信用代码', '企业名称', '营业收入（累计）（万元）', '利润总额（累计）（万元）', '从业人员（期末）（人）'],
      [firm.uscc, firm.name, 100, 10, 20],
    ]);
    const { payload, headers } = await multipart(file, '月报.xlsx');
    const period = '2026-01';
    return [
      {
        method: 'GET',
        url: `/api/monitoring/import-template.xlsx?period=${period}`,
        actor: 'demo.enterprise',
        expect: 404,
        control: 'rongchang.admin',
      },
      { method: 'GET', url: `/api/monitoring/reports.xlsx?period=${period}`, actor: 'demo.enterprise', expect: 404, control: 'city.admin' },
      {
        method: 'POST',
        url: `/api/monitoring/import?period=${period}&mode=commit`,
        actor: 'demo.enterprise',
        expect: 403,
        payload,
        headers,
        unchanged: reports,
        note: 'an enterprise may not import reports, not even its own',
      },
    ];
  },
};
export default part;
