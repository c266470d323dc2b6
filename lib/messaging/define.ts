import type { z } from 'zod';

/**
 * Who may send a request: `content` means the content scripts on the matched hosts and extension pages;
 * `extension` means only the extension's own pages (options, popup, dashboard).
 */
export type Audience = 'content' | 'extension';

export interface RequestDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  audience: Audience;
  request: Req;
  /** Describes the answer's type; the background is trusted, so answers are not re-validated. */
  response: Res;
}

export function defineRequest<Req extends z.ZodType, Res extends z.ZodType>(def: RequestDef<Req, Res>): RequestDef<Req, Res> {
  return def;
}

/** What travels back: a typed value or an error a rep can read. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
