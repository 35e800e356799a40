// Checks of stored reference codes, used by every module that stores one: the record, or a 400 naming the field.
import type { AppContext } from '../../server/context.js';
import { clusterUnknown, districtUnknown, industryUnknown } from './reference.errors.js';
import { selectCluster, selectDistrict, selectIndustries } from './reference.repo.js';

/** The district or zone of that code, or a 400 naming the field. */
export async function requireDistrict(ctx: AppContext, code: string, field = 'districtCode') {
  const district = await selectDistrict(ctx.db, code);
  if (!district) throw districtUnknown(code, field);
  return district;
}

/** A 国民经济行业分类 大类 by its two-digit code, or a 400 naming the field. */
export async function requireIndustryDivision(ctx: AppContext, code: string, field = 'industryCode') {
  const all = await selectIndustries(ctx.db);
  const found = all.find((i) => i.code === code && i.level === 'division');
  if (!found) throw industryUnknown(code, field);
  return found;
}

/** A cluster of the "33618" system by its code, or a 400 naming the field. */
export async function requireCluster(ctx: AppContext, code: string, field = 'clusterCode') {
  const found = await selectCluster(ctx.db, code);
  if (!found) throw clusterUnknown(code, field);
  return found;
}
