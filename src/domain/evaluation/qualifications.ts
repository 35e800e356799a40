// The qualifications an enterprise holds on a date, derived from its titles and honours (pure).
import type { EvaluationInput } from './types.js';

export interface HeldTitle {
  tier: string;
  status: string;
  validUntil: string | null;
}
export interface HeldHonour {
  kind: string;
  validUntil: string | null;
}

/** Valid on `date`: not revoked or expired (a title or honour without an end stays valid). */
const validOn = (date: string, until: string | null, status = 'valid') => status === 'valid' && (until === null || until >= date);

/**
 * 高新技术企业 and 科技型中小企业 from the honours; 创新型中小企业 from any tier (a 专精特新 or
 * 小巨人 title implies it), 专精特新中小企业 from 专精特新 or 小巨人.
 */
export function qualificationsOn(
  date: string,
  titles: readonly HeldTitle[],
  honours: readonly HeldHonour[],
): EvaluationInput['enterprise']['qualifications'] {
  const hasTitle = (tiers: string[]) => titles.some((t) => tiers.includes(t.tier) && validOn(date, t.validUntil, t.status));
  const hasHonour = (kind: string) => honours.some((h) => h.kind === kind && validOn(date, h.validUntil));
  return {
    highTech: hasHonour('high_tech'),
    techSme: hasHonour('tech_sme'),
    innovativeSme: hasTitle(['innovative', 'srdi', 'little_giant']),
    srdiSme: hasTitle(['srdi', 'little_giant']),
  };
}
