import type { AppContext } from '../../server/context.js';
import { selectClusters, selectDistricts, selectIndustries } from './reference.repo.js';

/** The names of every district, industry and cluster code, for showing stored codes (audit history). */
export async function referenceNames(ctx: AppContext) {
  const [districts, industries, clusters] = await Promise.all([selectDistricts(ctx.db), selectIndustries(ctx.db), selectClusters(ctx.db)]);
  const map = (rows: { code: string; name: string }[]) => new Map(rows.map((r) => [r.code, r.name]));
  const d = map(districts);
  const i = map(industries);
  const c = map(clusters);
  return { district: (code: string) => d.get(code), industry: (code: string) => i.get(code), cluster: (code: string) => c.get(code) };
}
