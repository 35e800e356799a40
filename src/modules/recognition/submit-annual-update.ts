import { todayInShanghai } from '../../domain/dates.js';
import { YEAR_FIELD_LABELS, YEAR_FIELDS, type YearField } from '../../domain/enterprise-rules.js';
import { ANNUAL_UPDATE_YEARS_BACK, annualUpdateDueOn, isOnTime } from '../../domain/recognition/annual-update.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { selectHeldTitle } from '../enterprises/title-views.repo.js';
import { updateEnterpriseYear } from '../enterprises/update-enterprise-year.js';
import { recordUpdate, selectDeadlineSettings } from './annual-updates.repo.js';
import { dueDataYear } from './get-my-annual-update.js';
import { presentDue } from './present-annual-update.js';
import { annualFiguresRequired, annualUpdateYearInvalid, notTitleHolder } from './recognition.errors.js';
import type { AnnualFigures } from './recognition.schemas.js';

/** What an annual update must contain: the figures the SME size and every tier's rules start from. */
const REQUIRED: readonly YearField[] = ['revenue', 'totalAssets', 'employees'];

/**
 * 年度信息更新: a holder of a valid title (or one under 复核) writes a year's figures into the
 * registry (enterprise_years, through the enterprises module: the year's rules, derived columns,
 * version and history as a registry edit) and the update is recorded, on time or not by the
 * deadline of that data year — both in one transaction.
 */
export async function submitAnnualUpdate(ctx: AppContext, actor: Actor | null, dataYear: number, figures: AnnualFigures) {
  const who = requireAccess(actor, 'recognition.annual.update');
  const enterpriseId = who.enterpriseId;
  if (!enterpriseId) throw forbidden();
  const today = todayInShanghai();
  const last = dueDataYear(today);
  if (dataYear > last || dataYear < last - ANNUAL_UPDATE_YEARS_BACK + 1)
    throw annualUpdateYearInvalid(last - ANNUAL_UPDATE_YEARS_BACK + 1, last);
  if (!(await selectHeldTitle(ctx.db, enterpriseId, today))) throw notTitleHolder();
  const missing = REQUIRED.filter((f) => figures[f] == null);
  if (missing.length)
    throw annualFiguresRequired(
      missing.map((f) => YEAR_FIELD_LABELS[f]),
      missing,
    );
  const settings = await selectDeadlineSettings(ctx.db, [dataYear]);
  const onTime = isOnTime(today, annualUpdateDueOn(dataYear, settings));
  const { changed, result } = await updateEnterpriseYear(ctx, who, enterpriseId, { year: dataYear, ...figures }, (tx) =>
    recordUpdate(tx, { enterpriseId, dataYear, submittedBy: who.userId, onTime }),
  );
  return {
    changed,
    due: presentDue({ dataYear, settings, holder: true, update: result, today }),
    figures: Object.fromEntries(YEAR_FIELDS.map((f) => [f, figures[f] ?? null])),
  };
}
