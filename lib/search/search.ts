import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { fold } from './fold';
import { answerFromSamples, matchesAll, uniqueRows, type WordSample } from './plan';
import { fullNameToken, queryTerms } from './tokens';

/**
 * Index entries read per query word. A word with fewer is read whole and bounds the answer; "person" (one of
 * 100,000 Person N) stops here. Rows are what a read costs (each is looked up and handed to the page): 400
 * a word was most of a keystroke's 40-odd ms on the bench's 100,000 people. The best few shown come from the
 * first rows in token order and, for several words, from the whole query read as a name (wholeNameRows), so
 * a larger sample mostly held people ranked below the ones shown.
 */
const SAMPLE = 60;
/** Matches wanted before the samples are taken as the answer (the best few of them are shown). */
const CANDIDATES = 60;
/** One collator for every sort: String#localeCompare builds one per call, which showed on 400 rows. */
const collator = new Intl.Collator();

/**
 * People matching a typed query, best first: every word of the query must start one of the person's search
 * tokens (name, emails, company, LinkedIn URL, tags; accent- and case-insensitive). Each word reads the
 * multi-entry `searchTokens` index by prefix, at most SAMPLE rows, all at once; a word read whole bounds the
 * answer (plan.ts). Only when every word is common and their samples hold few people with all of them is an
 * index range walked, the one whose sample matched best. No table scan per keystroke, and a common word beside
 * a rare one ("person 4711") costs the rare one's rows, not the common one's.
 */
export async function searchProspects(db: TouchlineDb, query: string, limit = 8, sample = SAMPLE): Promise<Prospect[]> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const index = db.prospects.where('searchTokens');
  const whole = fold(query).trim();
  const named = wholeNameRows(db, terms, whole, limit);
  const samples = await Promise.all(
    terms.map(async (term): Promise<WordSample> => {
      const rows = await index.startsWith(term).limit(sample + 1).toArray();
      return { term, rows: uniqueRows(rows.slice(0, sample)), complete: rows.length <= sample };
    }),
  );
  let { hits, exhaustive, walk } = answerFromSamples(samples);
  if (!exhaustive) hits = uniqueRows([...(await named).filter((p) => matchesAll(p, terms)), ...hits]);
  if (!exhaustive && hits.length < Math.min(CANDIDATES, limit)) {
    hits = await index.startsWith(walk).distinct().filter((p) => matchesAll(p, terms)).limit(CANDIDATES).toArray();
  }
  return best(
    hits.map((p) => ({ p, rank: rank(p, terms, whole) })),
    limit,
  ).map((h) => h.p);
}

type Ranked = { p: Prospect; rank: number };
const before = (a: Ranked, b: Ranked) => a.rank - b.rank || collator.compare(a.p.name, b.p.name);

/**
 * The `limit` best of `all`, in order: what sorting them all and slicing gives (ties keep their order), but
 * each of the hundreds of hits is compared once with the worst kept, not sorted among all the others.
 */
function best(all: Ranked[], limit: number): Ranked[] {
  const kept: Ranked[] = [];
  if (limit <= 0) return kept;
  for (const h of all) {
    if (kept.length === limit && before(h, kept[limit - 1]!) >= 0) continue;
    let i = kept.length;
    while (i > 0 && before(h, kept[i - 1]!) < 0) i--;
    kept.splice(i, 0, h);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/**
 * For a query of several words, the people whose full name starts with it ("person 4" -> Person 4, Person 40,
 * ...): the ones ranked first, read by the full-name token each person has (tokens.ts), however common each
 * word is alone. Started beside the word samples, and a handful of rows.
 */
function wholeNameRows(db: TouchlineDb, terms: string[], whole: string, limit: number): Promise<Prospect[]> {
  if (terms.length < 2) return Promise.resolve([]);
  return db.prospects.where('searchTokens').startsWith(fullNameToken(whole)).limit(limit).toArray();
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
