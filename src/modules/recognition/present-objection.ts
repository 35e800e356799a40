import type { DbOrTx } from '../../db/database.js';
import { OBJECTION_CHANNEL_LABELS, OBJECTION_STATUS_LABELS } from '../../domain/recognition/lifecycle.js';
import { userContacts } from '../auth/users.repo.js';
import { filesOf } from '../files/files-of.js';
import type { ObjectionRow } from './objections.repo.js';
import type { Objection } from './recognition.schemas.js';

/** Objections as the API answers them: labels, the names of who recorded and who found, the evidence files. */
export async function presentObjections(db: DbOrTx, rows: ObjectionRow[]): Promise<Objection[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.recordedBy, ...(r.foundBy ? [r.foundBy] : [])]))];
  const names = new Map((await userContacts(db, userIds)).map((u) => [u.id, u.displayName]));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      applicationId: r.applicationId,
      channel: r.channel,
      channelLabel: OBJECTION_CHANNEL_LABELS[r.channel],
      objectorName: r.objectorName,
      objectorContact: r.objectorContact,
      facts: r.facts,
      receivedOn: r.receivedOn,
      status: r.status,
      statusLabel: OBJECTION_STATUS_LABELS[r.status],
      findingReason: r.findingReason,
      foundAt: r.foundAt?.toISOString() ?? null,
      foundByName: r.foundBy ? (names.get(r.foundBy) ?? null) : null,
      recordedByName: names.get(r.recordedBy) ?? null,
      createdAt: r.createdAt.toISOString(),
      files: await filesOf(db, { type: 'recognition_objection', id: r.id }),
    })),
  );
}
