import { todayInShanghai } from '../../domain/dates.js';
import { evaluateRuleSet } from '../../domain/evaluation/evaluate.js';
import { evidenceFileIds, formToEvaluationInput } from '../../domain/recognition/form.js';
import { EDITABLE_STATUSES, RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import { assessmentDateOf } from '../../domain/recognition/window.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { currentCorrections } from '../evaluation/load-corrections.js';
import { attachFiles } from '../files/attach-files.js';
import { updateDraftForm } from './applications.repo.js';
import { loadApplication } from './load-application.js';
import { APPLICATION_FILE_OWNER } from './present-application.js';
import { draftStale, notEditable } from './recognition.errors.js';
import type { ApplicationForm } from './recognition.schemas.js';

/**
 * Autosave of the enterprise's form (PUT …/draft): one UPDATE that checks the version the client
 * had (another tab saved: 409 RECOGNITION_DRAFT_STALE) and the status (409 when no longer editable),
 * the evidence files attached in the same transaction (another's file: 400, nothing saved), and the
 * live self-evaluation of the form under the round's rule set. Nothing re-reads the registry.
 */
export async function saveApplicationDraft(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: { form: ApplicationForm; formVersion: number },
) {
  const who = requireAccess(actor, 'recognition.read');
  if (who.role !== 'enterprise' || !who.enterpriseId) {
    await loadApplication(ctx.db, who, id); // 404 for what the actor may not read
    throw forbidden('只有申报企业本身可以填写申报书');
  }
  const enterpriseId = who.enterpriseId;
  const fileIds = evidenceFileIds(input.form);
  const savedAt = new Date();
  const draft = { id, enterpriseId, formVersion: input.formVersion, form: input.form, savedAt, editable: EDITABLE_STATUSES };
  const [saved, corrections] = await Promise.all([
    fileIds.length
      ? ctx.db.transaction(async (tx) => {
          const row = await updateDraftForm(tx, draft);
          if (row) await attachFiles(tx, who, fileIds, { type: APPLICATION_FILE_OWNER, id });
          return row;
        })
      : updateDraftForm(ctx.db, draft),
    currentCorrections(ctx),
  ]);
  if (!saved) {
    // Nothing written: say why (absent or another's: 404; submitted: not editable; else stale).
    const row = await loadApplication(ctx.db, who, id);
    const status = row.status as RecognitionStatus;
    if (!EDITABLE_STATUSES.includes(status)) throw notEditable(RECOGNITION_STATUS_LABELS[status] ?? status);
    throw draftStale();
  }
  const input2 = formToEvaluationInput(input.form, saved, assessmentDateOf(saved, todayInShanghai()));
  return {
    formVersion: saved.formVersion,
    formSavedAt: (saved.formSavedAt ?? savedAt).toISOString(),
    evaluation: evaluateRuleSet(input2, saved.ruleSet, corrections),
  };
}
