import {
  type CorrectableRuleSet,
  numericParameters,
  parameterLabel,
  parameterValueText,
  SHIPPED_PARAMETERS,
} from '../../domain/evaluation/parameters.js';
import { ruleSetName } from '../../domain/evaluation/rule-set-names.js';
import { auditActionLabel, describeChanges, entityTypeLabel } from '../../domain/labels.js';
import type { AppContext } from '../../server/context.js';
import { referenceNames } from '../reference/reference-names.js';
import { type AuditRow, selectEntityNames } from './audit.repo.js';

type Json = Record<string, unknown> | null;
const fieldOf = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
const textOf = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Rule-set parameters by path, with the shipped value standing in for a value never corrected. */
function parameterNames(entityId: string | null) {
  const ruleSet = (entityId ?? '').split('@')[0];
  const shipped = Object.hasOwn(SHIPPED_PARAMETERS, ruleSet) ? new Map(numericParameters(ruleSet as CorrectableRuleSet)) : new Map();
  return {
    label: parameterLabel,
    format: (path: string, value: unknown) => {
      const v = typeof value === 'number' ? value : shipped.get(path);
      return typeof v === 'number' ? parameterValueText(path, v) : '—';
    },
  };
}

/**
 * Audit rows as people read them: the action's name, the kind of record and its name (an
 * enterprise's name, a user's display name, a rule set's Chinese name) and the changed fields
 * with their units. The codes stay in the row for programs.
 */
export async function presentAudit(ctx: AppContext, rows: AuditRow[]) {
  const runEnterprise = (r: AuditRow) => textOf(fieldOf(r.after, 'enterpriseId'));
  const [names, reference] = await Promise.all([
    selectEntityNames(ctx.db, {
      enterprise: rows.flatMap((r) => (r.entityType === 'enterprise' && r.entityId ? [r.entityId] : (runEnterprise(r) ?? []))),
      user: rows.flatMap((r) => (r.entityType === 'user' && r.entityId ? [r.entityId] : [])),
    }),
    referenceNames(ctx),
  ]);
  const entityLabel = (r: AuditRow): string => {
    const stored = (key: string) => textOf(fieldOf(r.after, key)) ?? textOf(fieldOf(r.before, key));
    switch (r.entityType) {
      case 'enterprise':
        return (r.entityId && names.enterprise.get(r.entityId)) || stored('name') || '已删除的企业';
      case 'user':
        return (r.entityId && names.user.get(r.entityId)) || stored('displayName') || '用户';
      case 'cluster':
        return (r.entityId && reference.cluster(r.entityId)) || stored('name') || '产业集群';
      case 'rule_set':
        return ruleSetName(r.entityId ?? '');
      case 'evaluation_run': {
        const one = runEnterprise(r);
        const date = textOf(fieldOf(r.after, 'assessmentDate'));
        if (one) return `${names.enterprise.get(one) ?? '单个企业'}（评价日期 ${date ?? '—'}）`;
        const total = fieldOf(r.after, 'total');
        return `批量评价（评价日期 ${date ?? '—'}${typeof total === 'number' ? `，${total.toLocaleString('zh-CN')} 家企业` : ''}）`;
      }
      case 'import':
        return stored('file') ?? '导入文件';
      case 'system':
        return '系统';
      default:
        return entityTypeLabel(r.entityType);
    }
  };
  return rows.map((r) => ({
    ...r,
    actionLabel: auditActionLabel(r.action),
    entityTypeLabel: entityTypeLabel(r.entityType),
    entityLabel: entityLabel(r),
    changes: describeChanges(
      r.entityType,
      r.action,
      r.before as Json,
      r.after as Json,
      reference,
      r.entityType === 'rule_set' ? parameterNames(r.entityId) : undefined,
    ),
  }));
}
