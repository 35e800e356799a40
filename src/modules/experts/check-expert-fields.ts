import type { AppContext } from '../../server/context.js';
import { requireDistrict, requireIndustryDivision } from '../reference/check-reference-codes.js';

/** The field (a GB/T 4754 division) and the districts served must exist: 400 naming the field otherwise. */
export async function checkExpertFields(ctx: AppContext, input: { industryCode: string; districtCodes: string[] }) {
  await requireIndustryDivision(ctx, input.industryCode, 'industryCode');
  const codes = [...new Set(input.districtCodes)];
  for (const code of codes) await requireDistrict(ctx, code, 'districtCodes');
  return { industryCode: input.industryCode, districtCodes: codes };
}
