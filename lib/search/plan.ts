import type { Prospect } from '../model';

/** What the index gave for one query word: the first people with a token it starts, and whether that is all. */
export interface WordSample {
  term: string;
  /** Rows in index order (shortest matching token first), each person once. */
  rows: Prospect[];
  /** True when the read stopped before its cap, so `rows` is everyone with a token starting with `term`. */
  complete: boolean;
}

export interface SampleAnswer {
  /** People found with every word. */
  hits: Prospect[];
  /** True when `hits` is every match (some word's read was complete); false when it comes from samples. */
  exhaustive: boolean;
  /** The word whose sample held the most matches: the one to walk further, if more matches are wanted. */
  walk: string;
}

const hasPrefix = (p: Prospect, term: string) => (p.searchTokens ?? []).some((token) => token.startsWith(term));
export const matchesAll = (p: Prospect, terms: readonly string[]) => terms.every((t) => hasPrefix(p, t));

/** Rows in first-seen order: a multi-entry index names a person once per matching token. */
export function uniqueRows(rows: readonly Prospect[]): Prospect[] {
  const seen = new Set<string>();
  return rows.filter((p) => !seen.has(p.id) && (seen.add(p.id), true));
}

/**
 * The matches a capped read per word already holds. A word whose read is complete bounds the answer: its rows,
 * checked against the other words, are every match, whatever the other words' reads held ("person 4711": the
 * 30 rows of 4711, not the 100,000 Person N). When every read hit its cap, the samples' matches are the
 * answer so far, and the word whose sample matched best is the one worth walking for more.
 */
export function answerFromSamples(samples: readonly WordSample[]): SampleAnswer {
  const terms = samples.map((s) => s.term);
  const complete = samples.filter((s) => s.complete).sort((a, b) => a.rows.length - b.rows.length)[0];
  if (complete) return { hits: complete.rows.filter((p) => matchesAll(p, terms)), exhaustive: true, walk: complete.term };
  let walk = samples[0]?.term ?? '';
  let best = -1;
  const hits = new Map<string, Prospect>();
  for (const s of samples) {
    const found = s.rows.filter((p) => matchesAll(p, terms));
    for (const p of found) hits.set(p.id, p);
    const rate = s.rows.length ? found.length / s.rows.length : 0;
    if (rate > best) [best, walk] = [rate, s.term];
  }
  return { hits: [...hits.values()], exhaustive: false, walk };
}
