import { browser } from 'wxt/browser';
import type { TouchlineDb } from '../db/database';
import { PageScopes } from '../messaging/page-scopes';

const SESSION_KEY = 'touchline.pageScopes';

/**
 * The background's record of what each tab's content script was shown, kept in storage.session (memory
 * only, trusted contexts only) so a service-worker restart does not lock a open sidebar out of its people.
 */
export function pageScopes(db: () => TouchlineDb): PageScopes {
  const prospectsOf = async <T>(rows: Promise<(T | undefined)[]>, owner: (row: T) => string[]) =>
    (await rows).flatMap((r) => (r ? owner(r) : ['(unknown)']));
  return new PageScopes(
    {
      tasks: (ids) => prospectsOf(db().tasks.bulkGet(ids), (t) => [t.prospectId]),
      runs: (ids) => prospectsOf(db().cadenceRuns.bulkGet(ids), (r) => [r.prospectId]),
      merges: (ids) => prospectsOf(db().merges.bulkGet(ids), (m) => [m.keptId, m.removedId]),
    },
    {
      load: async () => ((await browser.storage.session.get(SESSION_KEY))[SESSION_KEY] as Record<string, string[]> | undefined) ?? {},
      save: (all) => browser.storage.session.set({ [SESSION_KEY]: all }),
    },
  );
}
