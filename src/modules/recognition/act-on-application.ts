import { TRANSITIONS } from '../../domain/recognition/lifecycle.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { loadApplication } from './load-application.js';
import { presentApplication } from './present-application.js';
import type { ActionBody } from './recognition.schemas.js';
import { reviewApplication } from './review-application.js';
import { submitApplication } from './submit-application.js';
import { withdrawApplication } from './withdraw-application.js';

/**
 * POST /api/recognition/applications/:id/actions: the application through the actor's scope (404
 * outside it), then the action by who may take it: submit and withdraw the enterprise itself (A),
 * the officers' actions the review side (R, reviewApplication). Answers the application as it is now.
 */
export async function actOnApplication(ctx: AppContext, actor: Actor | null, id: string, body: ActionBody) {
  const who = requireAccess(actor, 'recognition.read');
  switch (body.action) {
    case 'submit':
    case 'withdraw': {
      const row = await loadApplication(ctx.db, who, id);
      if (!(TRANSITIONS[body.action].roles as readonly string[]).includes(who.role) || row.enterpriseId !== who.enterpriseId)
        throw forbidden(`只有申报企业本身可以${body.action === 'submit' ? '提交' : '撤回'}申报`);
      const updated =
        body.action === 'submit' ? await submitApplication(ctx, who, row, body) : await withdrawApplication(ctx, who, row, body);
      return presentApplication(ctx, who, updated);
    }
    default:
      return reviewApplication(ctx, who, id, { action: body.action, reason: body.reason, reasonCode: body.reasonCode });
  }
}
