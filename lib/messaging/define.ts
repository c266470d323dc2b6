import type { z } from 'zod';

/**
 * Who sends a request, as the background reads it from what the browser stamps on the sender (never from
 * the message): the extension's own pages, or the content script of one site, in a tab's top frame.
 */
export type Scope = 'extension' | 'gmail' | 'linkedin';
export const ALL_SCOPES: readonly Scope[] = ['extension', 'gmail', 'linkedin'];
export const SCOPE_NAMES: Record<Scope, string> = {
  extension: 'the extension\u2019s pages',
  gmail: 'the Gmail content script',
  linkedin: 'the LinkedIn content script',
};

/** Legacy shorthand: `content` is every scope, `extension` the extension's pages only. */
export type Audience = 'content' | 'extension';

/** The records a request names: a content script may name only prospects its own page was shown. */
export interface Names {
  prospects?: string[];
  tasks?: string[];
  runs?: string[];
  merges?: string[];
}

/** A prospect an answer hands to its sender (its id becomes nameable by that tab; its keys mark the change). */
export interface Disclosed {
  id: string;
  emails?: string[];
  linkedinUrl?: string;
  /** LinkedIn member URNs (lib/store/linkedin-identity.ts). */
  linkedinIds?: string[];
}

export interface RequestDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** Who may send it; defaults from `audience`. */
  from: readonly Scope[];
  request: Req;
  /** Describes the answer's type; the background is trusted, so answers are not re-validated. */
  response: Res;
  /** The records the payload names, checked against what the sending tab was shown. */
  names?: (payload: z.output<Req>) => Names;
  /** The prospects the answer shows its sender. */
  discloses?: (response: z.output<Res>) => Disclosed[];
  /** Whether a successful request changes data (the router then announces the change). */
  writes?: boolean;
}

type DefInput<Req extends z.ZodType, Res extends z.ZodType> = Omit<RequestDef<Req, Res>, 'from'> &
  ({ from: readonly Scope[]; audience?: never } | { audience: Audience; from?: never });

/**
 * Declares one request. The definition is a function, run the first time the request is routed: building
 * every request's schemas when the service worker starts would hold back its first answer (lazy-schema.ts).
 */
export function defineRequest<Req extends z.ZodType, Res extends z.ZodType>(define: () => DefInput<Req, Res>): RequestDef<Req, Res> {
  let built: RequestDef<Req, Res> | undefined;
  const def = (): RequestDef<Req, Res> => {
    if (built) return built;
    const { audience, from, ...rest } = define() as DefInput<Req, Res> & { audience?: Audience; from?: readonly Scope[] };
    return (built = { ...rest, from: from ?? (audience === 'extension' ? ['extension'] : ALL_SCOPES) });
  };
  return {
    get from() {
      return def().from;
    },
    get request() {
      return def().request;
    },
    get response() {
      return def().response;
    },
    get names() {
      return def().names;
    },
    get discloses() {
      return def().discloses;
    },
    get writes() {
      return def().writes;
    },
  };
}

/** What travels back: a typed value or an error a rep can read. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
