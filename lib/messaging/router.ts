import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { UserError } from '../store/errors';
import { SCOPE_NAMES, type Disclosed, type RequestDef, type Result, type Scope } from './define';
import { REQUESTS, type ParsedRequestOf, type RequestType, type ResponseOf } from './contract';
import { senderScope, senderTab, type SenderFacts } from './sender';
import type { PageScopes } from './page-scopes';

export type Handlers<Ctx> = { [K in RequestType]: (payload: ParsedRequestOf<K>, ctx: Ctx) => Promise<ResponseOf<K>> };

const Envelope = lazySchema(() => z.object({ type: z.string().max(100), payload: z.unknown() }));

/** A change a request made, announced once it answered: the prospects touched (null: anything) and their keys. */
export interface Change {
  ids: string[] | null;
  disclosed: Disclosed[];
}

/** What the router hands the context builder for one request. */
export interface RequestFacts {
  sender: SenderFacts;
  scope: Scope;
  tab: number | undefined;
  /** A handler calls this when it changed data; ids name the prospects (else the router works them out). */
  changed: (ids?: string[]) => void;
}

export interface RouterOptions<Ctx> {
  extensionId: string;
  extensionOrigin: string;
  context: (facts: RequestFacts) => Ctx;
  /** Per-tab record of what content scripts were shown; without it, content scripts may name any id. */
  scopes?: PageScopes;
  /** Called after a request that changed data has answered. */
  onChange?: (change: Change) => void;
  onError?: (type: string, err: unknown) => void;
}

/**
 * Builds the background's message listener. Before any handler runs: the envelope, who the sender is
 * (from the browser's sender facts), whether that sender may make this request, the payload, and for a
 * content script whether every prospect it names was shown to its own tab.
 */
export function createRouter<Ctx>(handlers: Handlers<Ctx>, opts: RouterOptions<Ctx>) {
  return async function route(message: unknown, sender: SenderFacts): Promise<Result<unknown>> {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return fail('invalid', 'Malformed message.');
    const type = envelope.data.type;
    if (!Object.hasOwn(REQUESTS, type)) return fail('unknown', `Unknown request "${type}".`);
    const def = REQUESTS[type as RequestType] as unknown as RequestDef;
    const scope = senderScope(sender, opts.extensionId, opts.extensionOrigin);
    if (!scope) return fail('forbidden', `"${type}" is not allowed from this sender.`);
    if (!def.from.includes(scope)) return fail('forbidden', `"${type}" is not allowed from ${SCOPE_NAMES[scope]}.`);
    const parsed = def.request.safeParse(envelope.data.payload ?? {});
    if (!parsed.success) {
      return fail('invalid', parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
    }
    const tab = senderTab(sender);
    const names = def.names?.(parsed.data) ?? {};
    try {
      const named = opts.scopes ? await opts.scopes.prospectsOf(names) : (names.prospects ?? []);
      if (scope !== 'extension' && opts.scopes && tab !== undefined) {
        const unknown = await opts.scopes.unknownTo(tab, named);
        if (unknown) return fail('forbidden', `"${type}" names a prospect this page was not shown (${unknown}); ${SCOPE_NAMES[scope]} may act only on the people on its page.`);
      }
      let changed = false;
      let answered = false;
      const explicit: string[] = [];
      const handler = handlers[type as RequestType] as (p: unknown, c: Ctx) => Promise<unknown>;
      const value = await handler(
        parsed.data,
        opts.context({
          sender,
          scope,
          tab,
          changed: (ids) => {
            // Work a handler started in the background (a sync run) reports its change when it happens.
            if (answered) return opts.onChange?.({ ids: ids ?? (named.length ? named : null), disclosed: [] });
            changed = true;
            if (ids) explicit.push(...ids);
          },
        }),
      );
      answered = true;
      const disclosed = def.discloses?.(value as never) ?? [];
      if (scope !== 'extension' && tab !== undefined) await opts.scopes?.disclose(tab, disclosed);
      if (changed) {
        const ids = [...new Set([...explicit, ...named, ...disclosed.map((d) => d.id)])];
        opts.onChange?.({ ids: ids.length ? ids : null, disclosed });
      }
      return { ok: true, value };
    } catch (err) {
      if (err instanceof UserError) return fail(err.code, err.message);
      opts.onError?.(type, err);
      if (err instanceof Error && err.name === 'ConstraintError') return fail('conflict', 'That record already exists.');
      return fail('internal', `Touchline could not complete "${type}": ${(err as Error)?.message ?? String(err)}`);
    }
  };
}

function fail(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
