import type { TouchlineDb } from '../db/database';
import { matchingIds, type HomeFilter } from '../home/filters';
import { loadHomeKeys, type KeysContext } from '../home/keys';

/**
 * The ids an export of a filtered view writes, in the view's order: the same query the board and the list
 * run (loadHomeKeys over the indexes, then matchingIds), so what is filtered is what is exported.
 */
export async function filteredIds(db: TouchlineDb, filter: HomeFilter, ctx: KeysContext): Promise<string[]> {
  return matchingIds(await loadHomeKeys(db, filter, ctx), filter, ctx.stageIds);
}
