import type { TouchlineDb } from '../db/database';
import type { NewProspect, Prospect } from '../model';
import type { Settings } from '../settings/settings';
import { write } from './unit-of-work';
import { addProspect } from './prospects';

/**
 * Adds many people in one transaction (bulk capture from a search page or a Sales Navigator list). People
 * already known come back with `created: false` and are not duplicated; the same person twice in `people`
 * is added once.
 */
export async function addProspects(
  db: TouchlineDb,
  people: NewProspect[],
  settings: Settings,
  now = Date.now(),
): Promise<Array<{ prospect: Prospect; created: boolean }>> {
  return write(db, async () => {
    const out: Array<{ prospect: Prospect; created: boolean }> = [];
    for (const person of people) out.push(await addProspect(db, person, settings, now));
    return out;
  }, { settings, now });
}
