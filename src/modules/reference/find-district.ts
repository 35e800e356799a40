import type { AppContext } from '../../server/context.js';
import { selectDistrict } from './reference.repo.js';

/** The district or zone of that code, if there is one. */
export function findDistrict(ctx: AppContext, code: string) {
  return selectDistrict(ctx.db, code);
}
