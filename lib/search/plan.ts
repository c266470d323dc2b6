/** What the index gave for one query word: the people it names (first seen first) and whether that is all of them. */
export interface WordKeys {
  term: string;
  /** Primary keys in index order (shortest matching token first), each once. */
  ids: string[];
  /** True when the read stopped before its cap, so `ids` is every person with a token starting with `term`. */
  complete: boolean;
}

export interface CandidatePlan {
  /** The people to read, best guess first. */
  ids: string[];
  /** Words a read row must still be checked against (the index read of those stopped at its cap). */
  check: string[];
  /** True when `ids` holds every match (some complete word bounds it); false when it is only a sample. */
  exhaustive: boolean;
}

/** Primary keys in first-seen order: a multi-entry index names a person once per matching token. */
export function uniqueIds(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

/**
 * Which people a query's rows must be read for, from a capped key read per word. A word whose read is complete
 * bounds the answer: the smallest such set, narrowed by every other complete one, holds every match, and only
 * the words whose read hit its cap ("person" among 100,000 Person N) are checked on the rows. When every word
 * hit its cap, the longest word's keys are a sample to start from.
 */
export function planCandidates(words: readonly WordKeys[]): CandidatePlan {
  const complete = words.filter((w) => w.complete).sort((a, b) => a.ids.length - b.ids.length);
  const check = words.filter((w) => !w.complete).map((w) => w.term);
  if (!complete.length) {
    const longest = [...words].sort((a, b) => b.term.length - a.term.length)[0];
    return { ids: longest?.ids ?? [], check, exhaustive: false };
  }
  const [smallest, ...others] = complete as [WordKeys, ...WordKeys[]];
  const sets = others.map((w) => new Set(w.ids));
  return { ids: smallest.ids.filter((id) => sets.every((s) => s.has(id))), check, exhaustive: true };
}
