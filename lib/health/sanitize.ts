/**
 * A copy of a page's DOM that shows its structure and none of its content (issue 11, "Report a page
 * Touchline misreads"). Kept: elements and their nesting, tag names, class names, ids, roles, and the names
 * of every attribute; the values of attributes the sites use as structure (data-view-name, aria-hidden...).
 * Replaced by placeholders of the same length and script: every text node, embedded JSON, and every other
 * attribute value (href, src, alt, title, aria-label, value, email, name, data-* ...). Letters stay letters of
 * their script and case, digits stay digits; spaces and punctuation stay, so lengths and shapes survive.
 * URLs keep their platform host and route words (/in/, /company/, /mail/u/0/) so adapters still recognise
 * links; slugs, ids and query values are replaced. Nothing here sends anything anywhere.
 */

/** Attribute values that are the site's own structure, never a person's data. */
const KEEP_VALUE = new Set([
  'class', 'id', 'role', 'type', 'dir', 'tabindex', 'colspan', 'rowspan', 'lang', 'draggable', 'contenteditable', 'translate',
  'data-view-name', 'data-test-icon', 'data-field', 'data-sdui-screen', 'data-sdui-component', 'data-testid', 'data-x-search-result',
  'data-anonymize', 'data-test-app-aware-link', 'data-supported-dps', 'data-generated-suggestion-target-type',
  'aria-hidden', 'aria-expanded', 'aria-current', 'aria-checked', 'aria-selected', 'aria-readonly', 'aria-disabled', 'aria-live',
  'aria-modal', 'aria-haspopup', 'aria-level', 'aria-orientation', 'aria-atomic', 'aria-busy', 'aria-multiselectable',
]);

/** Values that are URLs: their platform host and route words survive, the rest is replaced. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'data-href', 'data-src', 'srcset']);
const PLATFORM_HOST = /(^|\.)(linkedin\.com|licdn\.com|google\.com|gstatic\.com|googleusercontent\.com|gmail\.com)$/i;
/** Route and query words of the sites (no person is named by these). */
const ROUTE_WORDS = new Set([
  'in', 'company', 'school', 'messaging', 'thread', 'compose', 'search', 'results', 'people', 'all', 'overlay', 'contact', 'info',
  'details', 'experience', 'about', 'posts', 'jobs', 'mynetwork', 'invite', 'connect', 'connections', 'feed', 'sales', 'lead', 'lists',
  'notifications', 'recent', 'activity', 'mail', 'u', 'inbox', 'sent', 'label', 'category', 'social', 'updates', 'promotions',
  'https', 'http', 'www', 'miniProfileUrn', 'recipient', 'recipients', 'keywords', 'origin', 'network', 'connectionOf', 'urn', 'li',
  'fsd', 'profile', 'member', 'msg', 'f', 'a', 'r', 'thread-f', 'msg-f', 'msg-a', 'fs', 'miniProfile',
]);
/** Local-part words of automated senders (kept so a report still shows which rows were machines). */
const ROLE_WORDS = /^(no-?reply|noreply|do-?not-?reply|donotreply|notifications?|mailer|mailer-daemon|postmaster|service|alerts?|updates?|newsletters?)$/i;

const SCRIPTS: Array<[RegExp, string, string]> = [
  [/\p{Script=Latin}/u, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  [/\p{Script=Cyrillic}/u, 'абвгдежзиклмнопрстуфхцчшэюя', 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ'],
  [/\p{Script=Greek}/u, 'αβγδεζηθικλμνξοπρστυφχψω', 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ'],
  [/\p{Script=Arabic}/u, 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', ''],
  [/\p{Script=Hebrew}/u, 'אבגדהוזחטיכלמנסעפצקרשת', ''],
  [/\p{Script=Han}/u, '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年', ''],
  [/\p{Script=Hiragana}/u, 'あいうえおかきくけこさしすせそたちつてと', ''],
  [/\p{Script=Katakana}/u, 'アイウエオカキクケコサシスセソタチツテト', ''],
  [/\p{Script=Hangul}/u, '가나다라마바사아자차카타파하', ''],
  [/\p{Script=Devanagari}/u, 'कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह', ''],
  [/\p{Script=Thai}/u, 'กขคงจฉชซญดตถทนบปผพฟภมยรลวศสหอ', ''],
];

export interface Placeholders {
  /** Same length, same script and case per letter, digits for digits; everything else as it was. */
  text(s: string): string;
  url(s: string): string;
  email(s: string): string;
}

/**
 * Placeholders drawn from a key made for this one report: the same word reads the same everywhere in the
 * copy (so a name in a link and in a heading still match), and nothing maps back to the original.
 */
export function placeholders(key: Uint32Array = crypto.getRandomValues(new Uint32Array(4))): Placeholders {
  const memo = new Map<string, string>();
  const hash = (word: string, i: number) => {
    let h = (key[0]! ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
    for (let j = 0; j < word.length; j++) h = Math.imul(h ^ word.charCodeAt(j), 16777619) ^ key[(j % 3) + 1]!;
    return (h ^ (h >>> 15)) >>> 0;
  };
  const word = (w: string) => {
    const lower = w.toLowerCase();
    let out = memo.get(lower);
    if (out === undefined) {
      out = '';
      let i = 0;
      for (const ch of lower) {
        const n = hash(lower, i++);
        if (/\p{Nd}/u.test(ch)) out += String(n % 10);
        else {
          const script = SCRIPTS.find(([re]) => re.test(ch));
          const pool = script?.[1] ?? 'x';
          out += [...pool][n % [...pool].length];
        }
      }
      memo.set(lower, out);
    }
    // Case per letter as in the original.
    const src = [...w];
    return [...out].map((c, i) => (src[i] !== src[i]!.toLowerCase() ? upper(c) : c)).join('');
  };
  const upper = (c: string) => {
    for (const [, lower, up] of SCRIPTS) {
      const at = [...lower].indexOf(c);
      if (at >= 0 && up) return [...up][at] ?? c;
    }
    return c.toUpperCase();
  };
  const text = (s: string) => s.replace(/[\p{L}\p{M}\p{Nd}]+/gu, word);
  const keepOr = (w: string) => (ROUTE_WORDS.has(w) ? w : word(w));
  const url = (s: string) => {
    let u: URL | undefined;
    try {
      u = /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('/') ? new URL(s, 'https://www.linkedin.com') : undefined;
    } catch {
      u = undefined;
    }
    if (!u || u.protocol === 'data:' || u.protocol === 'blob:') return u?.protocol === 'data:' ? 'data:,' : text(s);
    const host = PLATFORM_HOST.test(u.hostname) ? u.hostname : u.hostname.split('.').map((l, i, all) => (i === all.length - 1 ? l : text(l))).join('.');
    const path = u.pathname.replace(/[\p{L}\p{M}\p{Nd}]+/gu, keepOr);
    const query = [...u.searchParams.keys()].length ? `?${[...u.searchParams].map(([k, v]) => `${keepOr(k)}=${text(v)}`).join('&')}` : '';
    const hash = u.hash ? u.hash.replace(/[\p{L}\p{M}\p{Nd}]+/gu, keepOr) : '';
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(s);
    return `${absolute ? `${u.protocol}//${host}` : ''}${path}${query}${hash}`;
  };
  const email = (s: string) => {
    const at = s.lastIndexOf('@');
    if (at < 0) return text(s);
    const local = s.slice(0, at).replace(/[\p{L}\p{M}\p{Nd}]+/gu, (w) => (ROLE_WORDS.test(w) ? w : word(w)));
    const domain = s.slice(at + 1);
    const labels = domain.split('.');
    const kept = /^(gmail\.com|googlemail\.com|google\.com)$/i.test(domain) ? domain : labels.map((l, i) => (i === labels.length - 1 ? l : text(l))).join('.');
    return `${local}@${kept}`;
  };
  return { text, url, email };
}

const SKIP_HOST = (el: Element) => el.tagName.toLowerCase().startsWith('touchline-') || el.hasAttribute('data-touchline-host');

function sanitizeElement(el: Element, p: Placeholders): void {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    if (KEEP_VALUE.has(name)) continue;
    if (name.startsWith('on')) el.setAttribute(attr.name, '');
    else if (name === 'style') el.setAttribute(attr.name, '');
    else if (URL_ATTRS.has(name)) el.setAttribute(attr.name, p.url(attr.value));
    else if (name === 'email' || name === 'data-hovercard-id' || attr.value.includes('@')) el.setAttribute(attr.name, p.email(attr.value));
    else el.setAttribute(attr.name, p.text(attr.value));
  }
}

function sanitizeTree(root: Element, p: Placeholders): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 | 0x80); // elements, text, comments
  const drop: Node[] = [];
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 8) drop.push(node);
    else if (node.nodeType === 3) {
      const parent = node.parentElement?.tagName;
      // CSS carries no person, but weighs megabytes on Gmail; scripts are code, not page content.
      node.nodeValue = parent === 'STYLE' || parent === 'SCRIPT' ? '' : p.text(node.nodeValue ?? '');
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (SKIP_HOST(el)) drop.push(el);
      else sanitizeElement(el, p);
    }
  }
  for (const n of drop) n.parentNode?.removeChild(n);
}

export interface ReportMeta {
  site: string;
  kind: string;
  /** The page URL with the same placeholders as the copy. */
  url: string;
  /** What the adapter read on the original page: part names and statuses. */
  health: Record<string, string>;
  /** YYYY-MM-DD, the day of the report. */
  date: string;
}

/** The sanitized copy of `doc` as an HTML file, with the report's facts in a <meta> the fixture script reads. */
export function sanitizedReport(doc: Document, meta: Omit<ReportMeta, 'url'> & { url: string }, p: Placeholders = placeholders()): string {
  const copy = doc.documentElement.cloneNode(true) as Element;
  sanitizeTree(copy, p);
  const head = copy.querySelector('head') ?? copy.insertBefore(doc.createElement('head'), copy.firstChild);
  const tag = doc.createElement('meta');
  tag.setAttribute('name', 'touchline-report');
  tag.setAttribute('content', JSON.stringify({ ...meta, url: p.url(meta.url) }));
  head.insertBefore(tag, head.firstChild);
  return `<!doctype html>\n${copy.outerHTML}\n`;
}
