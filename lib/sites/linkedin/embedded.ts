import { LINKEDIN } from './selectors';

/** One entity from the JSON LinkedIn embeds for its own hydration (`included` of a rest.li response). */
export type EmbeddedEntity = Record<string, unknown> & { $type?: string; entityUrn?: string };

/**
 * Each block's `included` entities, parsed once. Detection runs on every update of the page and a real
 * profile carries about 1 MB of these blocks (seen 2025-04): parsing them each time was most of its cost.
 * A block LinkedIn replaces is a new element; one whose text changes length is parsed again.
 */
const parsed = new WeakMap<Element, { length: number; included: EmbeddedEntity[] }>();

function includedOf(code: Element, typeSuffix: string): EmbeddedEntity[] {
  const raw = code.textContent ?? '';
  const hit = parsed.get(code);
  if (hit && hit.length === raw.length) return hit.included;
  // Most blocks (feed, ads, nav) hold none of the types asked for: they are not parsed until one is.
  if (!raw.includes(typeSuffix)) return [];
  let included: EmbeddedEntity[] = [];
  try {
    const json = JSON.parse(raw) as { included?: unknown };
    if (Array.isArray(json?.included)) included = json.included.filter((i): i is EmbeddedEntity => !!i && typeof i === 'object');
  } catch {
    // Not JSON (a truncated or foreign block): it holds nothing Touchline reads.
  }
  parsed.set(code, { length: raw.length, included });
  return included;
}

/** Every included entity on the page whose $type ends with `.${typeSuffix}`. Unparseable blocks are skipped. */
export function embeddedEntities(doc: Document, typeSuffix: string): EmbeddedEntity[] {
  const out: EmbeddedEntity[] = [];
  const suffix = `.${typeSuffix}`;
  for (const code of doc.querySelectorAll(LINKEDIN.embeddedData)) {
    for (const item of includedOf(code, typeSuffix)) if (item.$type?.endsWith(suffix)) out.push(item);
  }
  return out;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
