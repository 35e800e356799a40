import { describe, expect, it } from 'vitest';
import { canOpen, menuKeyFor, navFor } from '../../web/src/navigation.js';
import { ROUTES } from '../../web/src/routes.js';

const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).map((item) => item.label);

describe('the one route table of the web app (modules/<m>/routes.ts → routes.ts)', () => {
  it('builds each role’s menu in the order and with the labels of before the modules', () => {
    expect(labels('city_admin')).toEqual([
      '工作台',
      '数据驾驶舱',
      '企业库',
      '专家库',
      '后备库',
      '评价规则',
      '自评测算',
      '申报批次',
      '申报审核',
      '年度更新监测',
      '有进有出',
      '监测企业',
      '月报审核',
      '催报',
      '运行分析',
      '监测设置',
      '月报导入',
      '目标完成情况',
      '定期通报',
      '参考数据',
      '用户管理',
      '审计日志',
      '消息中心',
    ]);
    expect(labels('district_admin')).toEqual([
      '工作台',
      '数据驾驶舱',
      '企业库',
      '后备库',
      '评价规则',
      '自评测算',
      '申报批次',
      '申报审核',
      '年度更新监测',
      '有进有出',
      '监测企业',
      '月报审核',
      '催报',
      '运行分析',
      '监测设置',
      '月报导入',
      '目标完成情况',
      '定期通报',
      '参考数据',
      '消息中心',
    ]);
    expect(labels('enterprise')).toEqual([
      '工作台',
      '本企业信息',
      '自评测算',
      '可申报批次',
      '我的申报',
      '年度信息更新',
      '月报填报',
      '消息中心',
    ]);
    expect(labels('expert')).toEqual(['工作台', '我的服务企业', '自评测算', '专家评审', '消息中心']);
    expect(labels('bank')).toEqual(['工作台', '自评测算', '消息中心']);
  });

  it('gives every path one page, and only the calculator opens without logging in', () => {
    const paths = ROUTES.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const route of ROUTES) expect(route.page, route.path).toBeTruthy();
    expect(ROUTES.filter((route) => route.public).map((route) => route.path)).toEqual(['/calculator']);
    for (const path of ['/', '/enterprises', '/enterprises/import', '/enterprises/:id', '/jobs/:id', '/account/password', '/calculator']) {
      expect(paths).toContain(path);
    }
  });

  it('decides who may open a page and which menu entry a page lies under', () => {
    const route = (path: string) => ROUTES.find((r) => r.path === path)!;
    expect(canOpen('city_admin', route('/admin/users'))).toBe(true);
    expect(canOpen('district_admin', route('/admin/users'))).toBe(false);
    expect(canOpen('expert', route('/enterprises/:id'))).toBe(true);
    expect(canOpen('bank', route('/enterprises/:id'))).toBe(false);
    expect(menuKeyFor('city_admin', '/enterprises/abc')).toBe('/enterprises');
    expect(menuKeyFor('city_admin', '/experts')).toBe('/experts');
    expect(menuKeyFor('district_admin', '/recognition/applications/abc')).toBe('/recognition/applications');
    expect(canOpen('expert', route('/recognition/applications/:id'))).toBe(true);
    expect(canOpen('expert', route('/recognition/rounds/:id'))).toBe(false);
  });

  it('gathers the officers’ 运行监测 pages in one menu group', () => {
    expect(
      navFor('district_admin')
        .filter((item) => item.group === '运行监测')
        .map((item) => item.label),
    ).toEqual(['监测企业', '月报审核', '催报', '运行分析', '监测设置', '月报导入']);
    expect(menuKeyFor('city_admin', '/monitoring/analysis/rows')).toBe('/monitoring/analysis');
    expect(canOpen('enterprise', ROUTES.find((r) => r.path === '/monitoring/analysis')!)).toBe(false);
  });

  it('gathers the 认定管理 pages in one menu group', () => {
    expect(
      navFor('district_admin')
        .filter((item) => item.group === '认定管理')
        .map((item) => item.label),
    ).toEqual(['申报批次', '申报审核', '年度更新监测', '有进有出']);
  });
});
