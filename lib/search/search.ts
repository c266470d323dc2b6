import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { fold } from './fold';
import { queryTerms } from './tokens';

/** How many index hits are ranked before the best few are shown (a prefix like "a" matches thousands). */
const CANDIDATES = 60;

/**
 * People matching a typed query, best first: every word of the query must start one of the person's search
 * tokens (name, emails, company, LinkedIn URL, tags; accent- and case-insensitive). Reads the multi-entry
 * `searchTokens` index by the query's longest word and at most CANDIDATES rows: no table scan per keystroke.
 */
export async function searchProspects(db: TouchlineDb, query: string, limit = 8): Promise<Prospect[]> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const [key, ...rest] = [...terms].sort((a, b) => b.length - a.length) as [string, ...string[]];
  const hits = await db.prospects
    .where('searchTokens')
    .startsWith(key)
    .distinct()
    .filter((p) => rest.every((t) => (p.searchTokens ?? []).some((token) => token.startsWith(t))))
    .limit(CANDIDATES)
    .toArray();
  return hits
    .map((p) => ({ p, rank: rank(p, terms, fold(query).trim()) }))
    .sort((a, b) => a.rank - b.rank || a.p.name.localeCompare(b.p.name))
    .slice(0, limit)
    .map((h) => h.p);
}

/** Lower is better: the whole name first, then a name word, then an exact token, then any prefix. */
function rank(p: Prospect, terms: string[], whole: string): number {
  const name = fold(p.name);
  if (name.startsWith(whole)) return 0;
  const nameWords = name.split(/\s+/);
  if (terms.every((t) => nameWords.some((w) => w.startsWith(t)))) return 1;
  if (terms.every((t) => (p.searchTokens ?? []).includes(t))) return 2;
  return 3;
}
