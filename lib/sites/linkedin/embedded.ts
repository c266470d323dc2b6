import { LINKEDIN } from './selectors';

/** One entity from the JSON LinkedIn embeds for its own hydration (`included` of a rest.li response). */
export type EmbeddedEntity = Record<string, unknown> & { $type?: string; entityUrn?: string };

/** Every included entity on the page whose $type ends with `.${typeSuffix}`. Unparseable blocks are skipped. */
export function embeddedEntities(doc: Document, typeSuffix: string): EmbeddedEntity[] {
  const out: EmbeddedEntity[] = [];
  for (const code of doc.querySelectorAll(LINKEDIN.embeddedData)) {
    const raw = code.textContent ?? '';
    // Cheap pre-check: most blocks (feed, ads, nav) hold none of the types we read.
    if (!raw.includes(typeSuffix)) continue;
    let json: { included?: unknown };
    try {
      json = JSON.parse(raw);
    } catch {
      continue;
    }
    if (!Array.isArray(json.included)) continue;
    for (const item of json.included) {
      if (item && typeof item === 'object' && (item as EmbeddedEntity).$type?.endsWith(`.${typeSuffix}`)) out.push(item as EmbeddedEntity);
    }
  }
  return out;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
