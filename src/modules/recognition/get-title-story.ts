import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { TITLE_STATUS_LABELS } from '../../domain/labels.js';
import { addDays, annualUpdateDueOn, dataYearsDueDuring, missedUpdateReason } from '../../domain/recognition/annual-update.js';
import {
  RECOGNITION_HISTORY_LABELS,
  RECOGNITION_STATUS_LABELS,
  REVOCATION_CATEGORIES,
  type RecognitionHistoryAction,
  type RecognitionStatus,
  type RevocationCategory,
  titleValidUntil,
} from '../../domain/recognition/lifecycle.js';
import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { selectTitles } from '../enterprises/enterprises.repo.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { selectDeadlineSettings, selectUpdatesOf } from './annual-updates.repo.js';
import { selectApplicationsOf } from './flows.repo.js';

interface StoryEvent {
  on: string;
  kind: string;
  label: string;
  detail: string | null;
}

/** Actions an enterprise user takes itself; the others are the officers' (named to officers only). */
const ENTERPRISE_ACTIONS = new Set(['create', 'submit', 'withdraw']);

const historyLabel = (action: string) => RECOGNITION_HISTORY_LABELS[action as RecognitionHistoryAction] ?? '其他操作';
const dayOf = (at: Date) => todayInShanghai(at);

/**
 * 有进有出 of one enterprise (称号档案): every title with its story — the application it was granted
 * on (submission, reviews, 公示, 公告), the recognition, the annual updates made or missed, the 复核,
 * and how it ended (expired, renewed after 复核, revoked) — and every application with its history.
 * Scoped like the enterprise itself (404 outside the reader's scope).
 */
export async function getTitleStory(ctx: AppContext, actor: Actor | null, enterpriseId: string) {
  await getEnterprise(ctx, actor, enterpriseId);
  const officer = actor?.role === 'city_admin' || actor?.role === 'district_admin';
  const today = todayInShanghai();
  const [titles, { apps, history }, updates, settings] = await Promise.all([
    selectTitles(ctx.db, enterpriseId),
    selectApplicationsOf(ctx.db, enterpriseId),
    selectUpdatesOf(ctx.db, enterpriseId),
    selectDeadlineSettings(ctx.db),
  ]);
  const presentHistory = (applicationId: string) =>
    history
      .filter((h) => h.applicationId === applicationId)
      .map((h) => ({
        action: h.action,
        actionLabel: historyLabel(h.action),
        at: h.at.toISOString(),
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        reasonCode: h.reasonCode,
        reason: h.reason,
        actorName: officer || ENTERPRISE_ACTIONS.has(h.action) ? h.actorName : h.actorName ? '经信部门' : null,
      }));
  const historyEvents = (applicationId: string, kind: string, prefix: string): StoryEvent[] =>
    history
      .filter((h) => h.applicationId === applicationId)
      .map((h) => ({ on: dayOf(h.at), kind, label: `${prefix}${historyLabel(h.action)}`, detail: h.reason }));

  const storyTitles = titles.map((t) => {
    const validUntil = t.validUntil ?? titleValidUntil(t.recognisedOn);
    const lastDay = t.revokedOn ? addDays(t.revokedOn, -1) : (t.endedOn ?? validUntil);
    const events: StoryEvent[] = [];
    const granting = apps.find((a) => a.id === t.applicationId || a.titleId === t.id);
    if (granting) events.push(...historyEvents(granting.id, 'application', ''));
    events.push({
      on: t.recognisedOn,
      kind: 'recognised',
      label: `认定为${TIER_LABELS[t.tier as Tier] ?? '梯度培育企业'}`,
      detail:
        [t.documentNo ? `文号 ${t.documentNo}` : null, t.certificateNo ? `证书编号 ${t.certificateNo}` : null, `有效期至 ${validUntil}`]
          .filter(Boolean)
          .join('，') || null,
    });
    // Annual updates that fell due while the title was held: made (on time or late) or missed.
    const held = { recognisedOn: t.recognisedOn, validUntil: lastDay < validUntil ? lastDay : validUntil };
    const dueYears = new Set(dataYearsDueDuring(held, settings, today).map((d) => d.dataYear));
    for (const u of updates) {
      const dueOn = annualUpdateDueOn(u.dataYear, settings);
      const submittedOn = dayOf(u.submittedAt);
      if (!dueYears.has(u.dataYear) && !(submittedOn >= t.recognisedOn && submittedOn <= held.validUntil)) continue;
      events.push({
        on: submittedOn,
        kind: 'annual_update',
        label: '年度信息更新',
        detail: `${u.dataYear} 年度，${u.onTime ? `按期（截止 ${dueOn}）` : `逾期（截止 ${dueOn}）`}`,
      });
    }
    for (const d of dataYearsDueDuring(held, settings, today)) {
      if (updates.some((u) => u.dataYear === d.dataYear)) continue;
      events.push({
        on: d.dueOn,
        kind: 'annual_update_missed',
        label: '未按期更新年度信息',
        detail: missedUpdateReason(d.dataYear, d.dueOn),
      });
    }
    for (const review of apps.filter((a) => a.reviewedTitleId === t.id)) events.push(...historyEvents(review.id, 'review', '复核：'));
    if (t.revokedOn || t.status === 'revoked') {
      const category = t.revocationCategory as RevocationCategory | null;
      events.push({
        on: t.revokedOn ?? lastDay,
        kind: 'revoked',
        label: '撤销称号',
        detail: [category ? REVOCATION_CATEGORIES[category]?.label : null, t.revocationReason].filter(Boolean).join('：') || null,
      });
    } else if (t.status === 'expired' || t.endedOn) {
      const end = t.endedOn ?? validUntil;
      const renewedBy = titles.find((n) => n.id !== t.id && n.tier === t.tier && n.recognisedOn === addDays(end, 1));
      events.push(
        renewedBy
          ? { on: end, kind: 'renewed', label: '复核通过，称号接续', detail: `新称号自 ${renewedBy.recognisedOn} 起有效` }
          : { on: end, kind: 'expired', label: '有效期届满', detail: null },
      );
    }
    events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const category = t.revocationCategory as RevocationCategory | null;
    return {
      id: t.id,
      tier: t.tier,
      tierLabel: TIER_LABELS[t.tier as Tier] ?? t.tier,
      status: t.status,
      statusLabel: TITLE_STATUS_LABELS[t.status] ?? t.status,
      recognisedOn: t.recognisedOn,
      validUntil: t.validUntil,
      documentNo: t.documentNo,
      certificateNo: t.certificateNo,
      revokedOn: t.revokedOn,
      revocationCategoryLabel: category ? (REVOCATION_CATEGORIES[category]?.label ?? null) : null,
      revocationReason: t.revocationReason,
      events,
    };
  });
  return {
    titles: storyTitles,
    applications: apps.map((a) => ({
      id: a.id,
      roundName: a.roundName,
      tier: a.tier,
      tierLabel: TIER_LABELS[a.tier as Tier] ?? a.tier,
      status: a.status,
      statusLabel: RECOGNITION_STATUS_LABELS[a.status as RecognitionStatus] ?? a.status,
      history: presentHistory(a.id),
    })),
  };
}
