import type { Table } from 'dexie';
import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { searchTokens } from '../search/tokens';

/**
 * Keeps each prospect's `searchTokens` (the multi-entry index search reads, lib/search/) in step with its
 * name, emails, company, LinkedIn URL and tags. Table hooks see every add, put, update and modify inside the
 * transaction that makes it, so the tokens cannot lag behind the row whichever store function (or import,
 * restore, merge) wrote it, and no caller has to remember them.
 */
export function maintainSearchTokens(db: TouchlineDb): void {
  const table = db.prospects as unknown as Table<Prospect, string>;
  table.hook('creating', (_key, obj) => {
    obj.searchTokens = searchTokens(obj);
  });
  table.hook('updating', (mods, _key, before) => {
    // Only top-level fields feed the tokens; Dexie names whole arrays (emails, tags) as top-level changes.
    const after = { ...before } as Record<string, unknown>;
    for (const [path, value] of Object.entries(mods as Record<string, unknown>)) if (!path.includes('.')) after[path] = value;
    const next = searchTokens(after as unknown as Prospect);
    const current = before.searchTokens;
    if (current && current.length === next.length && current.every((t, i) => t === next[i])) {
      // Unchanged: still return them, since a put of a row built without the field would otherwise drop them.
      return 'searchTokens' in (mods as object) ? { searchTokens: next } : undefined;
    }
    return { searchTokens: next };
  });
}
