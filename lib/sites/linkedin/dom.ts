/** Small DOM reading helpers shared by the LinkedIn extractors. Text only: never HTML. */
export function text(el: Element | null | undefined): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** Every distinct email in mailto: links under `root`, lower-cased. */
export function mailtoEmails(root: ParentNode, selector: string): string[] {
  const out = new Set<string>();
  for (const a of root.querySelectorAll(selector)) {
    const raw = a.getAttribute('href')?.slice('mailto:'.length).split('?')[0];
    if (!raw) continue;
    let email = raw;
    try {
      email = decodeURIComponent(raw);
    } catch {
      // keep raw
    }
    email = email.trim().toLowerCase();
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) out.add(email);
  }
  return [...out];
}

/** The first match of `selectors` (variants, preferred first) and which variant matched (0 = primary). */
export function pick(root: ParentNode, selectors: readonly string[]): { el: Element; variant: number } | undefined {
  for (let i = 0; i < selectors.length; i++) {
    const el = root.querySelector(selectors[i]!);
    if (el) return { el, variant: i };
  }
  return undefined;
}

/** 'found' when the primary variant matched, 'fallback' for a later one, 'missing' when none or empty. */
export function partStatus(hit: { variant: number } | undefined, value: unknown): 'found' | 'fallback' | 'missing' {
  if (!hit || value === undefined || value === null || value === '') return 'missing';
  return hit.variant === 0 ? 'found' : 'fallback';
}
