/**
 * Gmail routes live in the hash: #inbox, #inbox/<id>, #sent/<id>, #search/<q>/<id>, #label/<name>/<id>.
 * A thread id is the last segment when it looks like one: 16 hex digits (legacy) or an opaque token such as
 * FMfcgzQZTlBc... (2025-03); label and search names are shorter or contain other characters.
 */
export type GmailPageKind = 'thread' | 'list' | 'compose' | 'other';

const THREAD_ID = /^(?:[0-9a-f]{16}|FMfcg[A-Za-z0-9_-]{10,}|[A-Za-z0-9_-]{24,})$/;

export function gmailRoute(url: string): { kind: GmailPageKind; threadId?: string } {
  const hash = new URL(url).hash.replace(/^#/, '');
  if (!hash) return { kind: 'list' };
  const parts = hash.split('/');
  const last = decodeURIComponent(parts[parts.length - 1] ?? '').split('?')[0] ?? '';
  if (parts.length > 1 && THREAD_ID.test(last)) return { kind: 'thread', threadId: last };
  if (hash.includes('compose=')) return { kind: 'compose' };
  return { kind: 'list' };
}
