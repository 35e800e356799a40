import type { Actor } from '../../server/access.js';
import { unauthenticated } from '../../server/errors.js';

/** Every user has a message centre: the only check is that someone is signed in (queries filter by the user). */
export function signedIn(actor: Actor | null | undefined): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}
