/**
 * A bounded memo for pure readers of attribute values (profile links, member URNs). Detection runs on
 * every update and a 100-result search page holds hundreds of links, each parsed with `new URL` and
 * decoded: that was most of the page's detection time (2026-11 bench). Hrefs repeat between runs, so each
 * is parsed once; the table is dropped whole when it grows past `limit` (a long session browsing pages).
 */
export function memoize<T>(compute: (key: string) => T, limit = 4000): (key: string) => T {
  const table = new Map<string, T>();
  return (key) => {
    const hit = table.get(key);
    if (hit !== undefined || table.has(key)) return hit as T;
    if (table.size >= limit) table.clear();
    const value = compute(key);
    table.set(key, value);
    return value;
  };
}
