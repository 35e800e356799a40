import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { AppError, unauthenticated } from '../../server/errors.js';
import { selectCluster, selectClusters, selectDistrict, selectDistricts, selectIndustries } from './reference.repo.js';

// Reference lists are public facts: any logged-in actor may read them.

export function listDistricts(ctx: AppContext, actor: Actor | null) {
  if (!actor) throw unauthenticated();
  return selectDistricts(ctx.db);
}

export function listIndustries(ctx: AppContext, actor: Actor | null) {
  if (!actor) throw unauthenticated();
  return selectIndustries(ctx.db);
}

export function listClusters(ctx: AppContext, actor: Actor | null) {
  if (!actor) throw unauthenticated();
  return selectClusters(ctx.db);
}

/** The district or zone of that code, if there is one. */
export function findDistrict(ctx: AppContext, code: string) {
  return selectDistrict(ctx.db, code);
}

/** The district or zone of that code, or a 400 naming the field. Used by every module that stores one. */
export async function requireDistrict(ctx: AppContext, code: string, field = 'districtCode') {
  const district = await selectDistrict(ctx.db, code);
  if (!district) throw new AppError('DISTRICT_UNKNOWN', 400, `未知的区县或功能区代码：${code}`, { field });
  return district;
}

/** A 国民经济行业分类 大类 by its two-digit code, or a 400 naming the field. */
export async function requireIndustryDivision(ctx: AppContext, code: string, field = 'industryCode') {
  const all = await selectIndustries(ctx.db);
  const found = all.find((i) => i.code === code && i.level === 'division');
  if (!found) throw new AppError('INDUSTRY_UNKNOWN', 400, `未知的国民经济行业大类代码：${code}`, { field });
  return found;
}

export async function requireCluster(ctx: AppContext, code: string, field = 'clusterCode') {
  const found = await selectCluster(ctx.db, code);
  if (!found) throw new AppError('CLUSTER_UNKNOWN', 400, `未知的产业集群代码：${code}`, { field });
  return found;
}

/** The names of every district, industry and cluster code, for showing stored codes (audit history). */
export async function referenceNames(ctx: AppContext) {
  const [districts, industries, clusters] = await Promise.all([selectDistricts(ctx.db), selectIndustries(ctx.db), selectClusters(ctx.db)]);
  const map = (rows: { code: string; name: string }[]) => new Map(rows.map((r) => [r.code, r.name]));
  const d = map(districts);
  const i = map(industries);
  const c = map(clusters);
  return { district: (code: string) => d.get(code), industry: (code: string) => i.get(code), cluster: (code: string) => c.get(code) };
}
