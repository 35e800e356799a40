// The kinds of qualifications and honours the registry keeps (enterprise_honours.kind), with the
// names people read. The targets count some of them (科技型, 高新技术企业, 数字化车间, 智能工厂, 绿色工厂).

export const HONOUR_KIND_LABELS = {
  tech_sme: '科技型企业',
  high_tech: '高新技术企业',
  digital_workshop: '数字化车间',
  smart_factory: '智能工厂',
  green_factory: '绿色工厂',
  single_champion: '制造业单项冠军',
} as const;
export type HonourKind = keyof typeof HONOUR_KIND_LABELS;
export const HONOUR_KINDS = Object.keys(HONOUR_KIND_LABELS) as HonourKind[];
export const isHonourKind = (code: string): code is HonourKind => Object.hasOwn(HONOUR_KIND_LABELS, code);
