import type { DbOrTx } from '../db/database.js';
import { canReadExpertVisit } from '../modules/experts/can-read-expert-visit.js';
import { canReadApplication } from '../modules/recognition/can-read-application.js';
import { canReadObjection } from '../modules/recognition/can-read-objection.js';
import { canReadTitleRevocation } from '../modules/recognition/can-read-title-revocation.js';
import type { Actor } from './access.js';

/**
 * Whether `actor` may read the object `ownerId` of one owner kind: a scoped query of the owner
 * module (one that finds nothing outside the actor's scope), never "load, then check".
 */
export type FileOwnerCheck = (db: DbOrTx, actor: Actor, ownerId: string) => Promise<boolean>;

/**
 * Who may read an attached file is decided by the module that owns the object it is attached to.
 * A module registers its kind of object here with a one-line entry (import + key); attaching to a
 * kind not listed is refused, and a file of a kind no longer listed is readable by nobody.
 */
export const FILE_OWNERS: Record<string, FileOwnerCheck> = {
  expert_visit: canReadExpertVisit,
  recognition_application: canReadApplication,
  recognition_objection: canReadObjection,
  title_revocation: canReadTitleRevocation,
};
