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
