import { monitoringReports } from '../../../src/db/schema/index.js';
import { keepAggregates } from '../../../src/modules/monitoring/keep-aggregates.js';
import type { ModuleScopeCases, ScopeFixtures } from '../../support/scope-cases.js';

/** Part A (运行分析): figures are officers' reads; a district sees its district only. */
const part: Omit<ModuleScopeCases, 'module'> = {
  async cases(f: ScopeFixtures) {
    // An accepted report of a 荣昌区 firm in 2019-03 (and its 2018 month: matched), with its aggregates kept.
    const [firm] = await f.query<{ district_code: string; zone_code: string | null }>(
      'select district_code, zone_code from enterprises where id = $1',
      [f.rongchangEnterpriseId],
    );
    const db = f.h.database.db;
    await db.transaction((tx) =>
      keepAggregates(
        tx,
        [2018, 2019].map((year) => ({ enterpriseId: f.rongchangEnterpriseId, year, month: 3 })),
        async () => {
          for (const year of [2018, 2019])
            await tx
              .insert(monitoringReports)
              .values({
                enterpriseId: f.rongchangEnterpriseId,
                year,
                month: 3,
                status: 'accepted',
                districtCode: firm.district_code,
                zoneCode: firm.zone_code,
                tier: 'srdi',
                revenueYtd: 1_000_000 + year,
                profitYtd: 100_000,
                employees: 20,
                dueOn: `${year}-04-10`,
                enteredBy: 'enterprise',
              })
              .onConflictDoNothing();
        },
      ),
    );
    return [
      {
        method: 'GET',
        url: '/api/monitoring/stats?period=2019-03&groupBy=tier',
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: '/api/monitoring/stats?period=2019-03&groupBy=district',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: ['荣昌区'],
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: '/api/monitoring/analysis?period=2019-03&groupBy=tier',
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: '/api/monitoring/analysis?period=2019-03&groupBy=district',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: ['荣昌区'],
        control: 'city.admin',
      },
      {
        method: 'GET',
        url: '/api/monitoring/analysis.xlsx?period=2019-03&groupBy=tier',
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
      { method: 'GET', url: '/api/monitoring/trend?year=2019', actor: 'demo.enterprise', expect: 404, control: 'rongchang.admin' },
      {
        method: 'GET',
        url: '/api/monitoring/rows?period=2019-03&dim=all&sample=all&pageSize=200',
        actor: 'yubei.admin',
        expect: 'hidden',
        hidden: [f.rongchangEnterpriseId],
        control: 'rongchang.admin',
      },
      {
        method: 'GET',
        url: '/api/monitoring/rows?period=2019-03&dim=all&sample=all',
        actor: 'demo.enterprise',
        expect: 404,
        control: 'city.admin',
      },
    ];
  },
};
export default part;
