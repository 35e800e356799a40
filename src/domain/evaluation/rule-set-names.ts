// The name of each rule set as people read it (tabs, results, exports, the audit log). No imports:
// the web app reads it as it is. One name per tier (glossary.md): 创新型中小企业, 专精特新中小企业,
// 专精特新“小巨人”企业.

export const RULE_SET_NAMES: Record<string, string> = {
  'innovative-2022': '创新型中小企业评价标准（2022）',
  'bottom-2026': '创新型中小企业认定条件（2026）',
  'srdi-2022': '专精特新中小企业认定标准（2022）',
  'srdi-2026': '专精特新中小企业认定条件（2026）',
  'little-giant-2018': '专精特新“小巨人”企业认定条件（2018）',
  'little-giant-2022': '专精特新“小巨人”企业认定标准（2022）',
  'little-giant-2026': '专精特新“小巨人”企业认定条件（2026）',
};

/** "srdi-2022@v2" → "专精特新中小企业认定标准（2022）第 2 版"; an unknown id → 评价规则. */
export function ruleSetName(id: string): string {
  const [base, version] = id.split('@v');
  const name = RULE_SET_NAMES[base] ?? '评价规则';
  return version && Number(version) > 1 ? `${name}第 ${Number(version)} 版` : name;
}
