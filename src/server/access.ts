import type { Role } from '../domain/roles.js';
import { forbidden, notFound, unauthenticated } from './errors.js';

export { isRole, ROLE_LABELS, ROLES, type Role } from '../domain/roles.js';

/** Who is acting: built from the session on every request, never trusted from the client. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  districtCode: string | null;
  /** For display only; scope checks use the code. */
  districtName?: string | null;
  enterpriseId: string | null;
  organization: string | null;
  ip?: string;
  /** The request this actor acts in (Fastify's request id, echoed as X-Request-Id): stored in audit rows and jobs. */
  requestId?: string;
  /** Set from the session: the password was chosen by someone else and must be changed first. */
  mustChangePassword?: boolean;
}

/** What an actor may see of the enterprise data. Every query on enterprise data filters by it. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'district'; districtCode: string }
  | { kind: 'enterprise'; enterpriseId: string }
  /**
   * Enterprises reachable through an assignment table that a module owns (experts now; later
   * departments, banks, providers). Turned into SQL by src/server/assigned-scope.ts; an in-memory
   * check (inScope) never grants it: single records are loaded through the scoped query.
   */
  | { kind: 'assigned'; assignment: AssignmentKind; userId: string }
  | { kind: 'none' };

/** The assignment tables a scope can reach enterprises through (see src/server/assigned-scope.ts). */
export type AssignmentKind = 'expert';

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'city_admin':
      return { kind: 'all' };
    case 'district_admin':
      return actor.districtCode ? { kind: 'district', districtCode: actor.districtCode } : { kind: 'none' };
    case 'enterprise':
      return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'none' };
    case 'expert':
      return { kind: 'assigned', assignment: 'expert', userId: actor.userId };
    // department, provider and bank reach enterprises only through what is assigned
    // or pushed to them; the modules that assign (appeals, finance, experts) widen this.
    default:
      return { kind: 'none' };
  }
}

/**
 * Actions by role. A read refused answers 404 (existence does not leak), a write 403.
 * Later modules add their actions here.
 */
const PERMISSIONS = {
  'user.read': { kind: 'read', roles: ['city_admin'] },
  'user.manage': { kind: 'write', roles: ['city_admin'] },
  'audit.read': { kind: 'read', roles: ['city_admin'] },
  'reference.manage': { kind: 'write', roles: ['city_admin'] },
  /** Experts read the basics of the enterprises assigned to them (scope 'assigned'), nothing more. */
  'enterprise.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise', 'expert'] },
  'enterprise.write': { kind: 'write', roles: ['city_admin', 'district_admin', 'enterprise'] },
  'enterprise.create': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'enterprise.import': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'enterprise.titles': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  /** Import jobs and their error reports: officers' reads (an enterprise is told "not found", not "forbidden"). */
  'import.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'evaluation.run': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'evaluation.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise', 'expert'] },
  /** Batch runs, the pipeline pool and its export, rule-set parameters: officers' reads. */
  'evaluation.pool': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'ruleset.publish': { kind: 'write', roles: ['city_admin'] },
  /** 专家库: the city keeps the pool, the accounts, the conflicts and the assignments. */
  'expert.read': { kind: 'read', roles: ['city_admin'] },
  'expert.manage': { kind: 'write', roles: ['city_admin'] },
  /** An expert's own entry of the pool and what it is assigned (我的服务企业). */
  'expert.me': { kind: 'read', roles: ['expert'] },
  /** An expert records a visit or advice for an enterprise assigned to it. */
  'expert.visit': { kind: 'write', roles: ['expert'] },
  /** The visits of an enterprise: its expert (own visits), the city, its district, the enterprise itself. */
  'expert.visits.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise', 'expert'] },
  /** 认定申报: read through the application's scope (city, its district, the enterprise, assigned experts). */
  'recognition.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise', 'expert'] },
  /** An enterprise applies, fills in, submits and withdraws its own application. */
  'recognition.apply': { kind: 'write', roles: ['enterprise'] },
  /** Officers compare an application with the registry's current data. */
  'recognition.current': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  /** 初审 and 复审 side work: the checklist and batch approval (the single actions follow TRANSITIONS' roles). */
  'recognition.officer.review': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  /** 年度信息更新 (D): the holder updates its own figures; officers see who has not; the city sets the deadlines. */
  'recognition.annual.update': { kind: 'write', roles: ['enterprise'] },
  'recognition.annual.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'recognition.annual.deadline': { kind: 'write', roles: ['city_admin'] },
  /** 有进有出: entered and left per year, district and tier (officers; a district its own). */
  'recognition.flows': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  /** 申报批次 (B): every officer and enterprise reads the rounds (an enterprise those open to it or applied to). */
  'recognition.rounds.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise'] },
  /** The city sets up rounds and runs their steps: 公示, 公告, 推荐 and 结束. */
  'recognition.rounds.manage': { kind: 'write', roles: ['city_admin'] },
  /** 公示名单 and 推荐名单: officers (a district its own items). */
  'recognition.rounds.lists': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  /** 撤销称号: the city. */
  'title.revoke': { kind: 'write', roles: ['city_admin'] },
  /** 专家评审 (C): the city draws experts; an expert scores what it was drawn for; the city reads the scores. */
  'recognition.experts.draw': { kind: 'write', roles: ['city_admin'] },
  'recognition.review': { kind: 'write', roles: ['expert'] },
  'recognition.review.mine': { kind: 'read', roles: ['expert'] },
  'recognition.reviews.read': { kind: 'read', roles: ['city_admin'] },
  /** 异议 (C): the city or the item's district records one; the city alone records the finding. */
  'recognition.objection.record': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'recognition.objection.find': { kind: 'write', roles: ['city_admin'] },
  'recognition.objection.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  // 运行监测 (issue 11). A report is written by the enterprise itself or its district (offline firms).
  'monitoring.report.write': { kind: 'write', roles: ['enterprise', 'district_admin'] },
  'monitoring.report.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise'] },
  /** Accept an explanation or return a report. */
  'monitoring.report.review': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  /** 月报审核 list: the officers' read of the reports of a month. */
  'monitoring.review.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'monitoring.sample.manage': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'monitoring.sample.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  /** 催报: the non-reporters, reminding them, 上报率/及时率/一次审核通过率. */
  'monitoring.chase': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'monitoring.chase.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  /** 运行分析: the figures, their rows and exports. */
  'monitoring.stats': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'monitoring.import': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  /** The import template and a period's reports as xlsx: officers' reads. */
  'monitoring.export': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'monitoring.settings.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise'] },
  'monitoring.settings.manage': { kind: 'write', roles: ['city_admin'] },
  // 目标考核、定期通报、数据驾驶舱、工作台 (issue 12).
  'targets.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  /** The city sets every target; a district its own split (scope checked by the use case). */
  'targets.manage': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'listings.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise'] },
  'listings.manage': { kind: 'write', roles: ['city_admin', 'district_admin'] },
  'bulletins.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'bulletins.manage': { kind: 'write', roles: ['city_admin'] },
  'dashboard.read': { kind: 'read', roles: ['city_admin', 'district_admin'] },
  'workbench.read': { kind: 'read', roles: ['city_admin', 'district_admin', 'enterprise'] },
} as const satisfies Record<string, { kind: 'read' | 'write'; roles: readonly Role[] }>;

export type Action = keyof typeof PERMISSIONS;

/** The place a piece of enterprise data belongs to, for the scope check. */
export interface ScopedTarget {
  enterpriseId?: string;
  districtCode?: string;
  zoneCode?: string | null;
}

export function can(actor: Actor, action: Action, target?: ScopedTarget): boolean {
  const rule = PERMISSIONS[action];
  if (!(rule.roles as readonly Role[]).includes(actor.role)) return false;
  return target ? inScope(scopeOf(actor), target) : true;
}

export function inScope(scope: Scope, target: ScopedTarget): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'district':
      return target.districtCode === scope.districtCode || target.zoneCode === scope.districtCode;
    case 'enterprise':
      return target.enterpriseId !== undefined && target.enterpriseId === scope.enterpriseId;
    // Reachability lives in an assignment table: only the scoped query can answer it.
    case 'assigned':
    case 'none':
      return false;
  }
}

/** First line of every use case: throws 401/403/404 unless the actor may do this to this target. */
export function requireAccess(actor: Actor | null | undefined, action: Action, target?: ScopedTarget): Actor {
  if (!actor) throw unauthenticated();
  if (can(actor, action, target)) return actor;
  throw PERMISSIONS[action].kind === 'read' ? notFound() : forbidden();
}
