import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { fold } from './fold';
import { planCandidates, uniqueIds, type WordKeys } from './plan';
import { queryTerms } from './tokens';

/** Index entries read per query word, keys only; a word with more ("person" in 100,000 Person N) is checked on rows. */
const KEY_CAP = 5_000;
/** Rows read at a time from the candidates, until enough matches are in hand to rank. */
const ROW_BATCH = 120;
/** How many matches are ranked before the best few are shown (a prefix like "a" matches thousands). */
const CANDIDATES = 60;
/** Rows of a sample (every word common) read before walking the index instead. */
const SAMPLE_ROWS = 600;

/** The caps above, smaller in tests so a few dozen rows cross them. */
export interface SearchCaps {
  keyCap?: number;
  rowBatch?: number;
}

const hasPrefix = (p: Prospect, term: string) => (p.searchTokens ?? []).some((token) => token.startsWith(term));

/**
 * People matching a typed query, best first: every word of the query must start one of the person's search
 * tokens (name, emails, company, LinkedIn URL, tags; accent- and case-insensitive). Each word reads the
 * multi-entry `searchTokens` index by prefix, primary keys only and capped; the smallest complete set,
 * narrowed by the others, names the rows to read (plan.ts). No table scan per keystroke, and a common word
 * beside a rare one ("person 4711") costs the rare one's rows, not the common one's.
 */
export async function searchProspects(db: TouchlineDb, query: string, limit = 8, caps: SearchCaps = {}): Promise<Prospect[]> {
  const { keyCap = KEY_CAP, rowBatch = ROW_BATCH } = caps;
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const index = db.prospects.where('searchTokens');
  const words = await Promise.all(
    terms.map(async (term): Promise<WordKeys> => {
      const keys = (await index.startsWith(term).limit(keyCap + 1).primaryKeys()) as string[];
      return { term, ids: uniqueIds(keys.slice(0, keyCap)), complete: keys.length <= keyCap };
    }),
  );
  const plan = planCandidates(words);
  const hits: Prospect[] = [];
  const end = plan.exhaustive ? plan.ids.length : Math.min(plan.ids.length, SAMPLE_ROWS);
  for (let at = 0; at < end && hits.length < CANDIDATES; at += rowBatch) {
    const rows = await db.prospects.bulkGet(plan.ids.slice(at, Math.min(end, at + rowBatch)));
    for (const p of rows) if (p && plan.check.every((t) => hasPrefix(p, t))) hits.push(p);
  }
  // Every word is common and the sample held too few people with all of them: walk the index for the rest.
  if (!plan.exhaustive && hits.length < limit) {
    const [key, ...rest] = [...terms].sort((a, b) => b.length - a.length) as [string, ...string[]];
    hits.splice(0, hits.length, ...(await index.startsWith(key).distinct().filter((p) => rest.every((t) => hasPrefix(p, t))).limit(CANDIDATES).toArray()));
  }
  const whole = fold(query).trim();
  return hits
    .map((p) => ({ p, rank: rank(p, terms, whole) }))
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
