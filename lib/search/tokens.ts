import { bareLinkedInUrl, fold } from './fold';

/** The fields a person is found by: name, every email, company, LinkedIn URL, tags. */
export interface Searchable {
  name: string;
  emails: string[];
  company?: string;
  linkedinUrl?: string;
  tags: string[];
}

/** Longer keys would only bloat the index; nobody types past this before the results narrow. */
const MAX_TOKEN = 80;

/** A folded name as the index keeps it whole: single spaces, no ends (search reads it by prefix). */
export function fullNameToken(folded: string): string {
  return folded.replace(/\s+/g, ' ').trim().slice(0, MAX_TOKEN);
}

/** Words inside a name, company or tag: "Jean-Luc O'Brien" -> jean-luc, jean, luc, o'brien, o, brien. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const word of fold(text).split(/[\s,;/()]+/)) {
    if (!word) continue;
    out.push(word);
    const parts = word.split(/[-'’.&_+]+/).filter(Boolean);
    if (parts.length > 1) out.push(...parts);
  }
  return out;
}

/**
 * The keys a prospect is found by, for a multi-entry index: each is matched by prefix, so "zo" finds a token
 * "zoe". An email gives its whole address, its local part's words and its domain ("zoe.martin@acme.io" ->
 * zoe.martin@acme.io, zoe, martin, acme.io); a LinkedIn URL its bare form and its slug.
 */
export function searchTokens(row: Searchable): string[] {
  // Rows written before a field existed (or seeded partially) may lack it: index what is there.
  const p = { ...row, name: row.name ?? '', emails: row.emails ?? [], tags: row.tags ?? [] };
  const tokens = new Set<string>(words(p.name));
  const fullName = fullNameToken(fold(p.name));
  if (fullName.includes(' ')) tokens.add(fullName);
  for (const email of p.emails) {
    const address = fold(email.trim());
    const [local = '', domain = ''] = address.split('@');
    tokens.add(address);
    for (const w of words(local.replace(/[._+-]/g, ' '))) tokens.add(w);
    if (domain) tokens.add(domain);
  }
  if (p.company) {
    for (const w of words(p.company)) tokens.add(w);
    tokens.add(fold(p.company).trim());
  }
  if (p.linkedinUrl) {
    const bare = bareLinkedInUrl(fold(p.linkedinUrl));
    tokens.add(bare);
    const slug = bare.split('/').at(-1);
    if (slug) for (const w of [slug, ...slug.split('-')]) if (w) tokens.add(w);
  }
  for (const tag of p.tags) {
    for (const w of words(tag)) tokens.add(w);
    tokens.add(fold(tag).trim());
  }
  tokens.delete('');
  return [...tokens].map((t) => t.slice(0, MAX_TOKEN));
}

/**
 * What a typed query looks for: its words, folded; a pasted LinkedIn URL becomes the bare form the index holds.
 * Empty when there is nothing to look for.
 */
export function queryTerms(query: string): string[] {
  const folded = fold(query).trim();
  if (!folded) return [];
  const url = bareLinkedInUrl(folded);
  if (url !== folded) return [url.slice(0, MAX_TOKEN)];
  return [...new Set(folded.split(/\s+/).map((t) => t.slice(0, MAX_TOKEN)))];
}
