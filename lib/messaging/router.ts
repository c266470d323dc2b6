import { z } from 'zod';
import { UserError } from '../store/errors';
import type { Result } from './define';
import { REQUESTS, type ParsedRequestOf, type RequestType, type ResponseOf } from './contract';
import { senderAllowed, type SenderFacts } from './sender';

export type Handlers<Ctx> = { [K in RequestType]: (payload: ParsedRequestOf<K>, ctx: Ctx) => Promise<ResponseOf<K>> };

const Envelope = z.object({ type: z.string().max(100), payload: z.unknown() });

export interface RouterOptions<Ctx> {
  extensionId: string;
  extensionOrigin: string;
  context: (sender: SenderFacts) => Ctx;
  onError?: (type: string, err: unknown) => void;
}

/** Builds the background's message listener: envelope, sender and payload are checked before any handler runs. */
export function createRouter<Ctx>(handlers: Handlers<Ctx>, opts: RouterOptions<Ctx>) {
  return async function route(message: unknown, sender: SenderFacts): Promise<Result<unknown>> {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return fail('invalid', 'Malformed message.');
    const type = envelope.data.type;
    if (!Object.hasOwn(REQUESTS, type)) return fail('unknown', `Unknown request "${type}".`);
    const def = REQUESTS[type as RequestType];
    if (!senderAllowed(sender, def.audience, opts.extensionId, opts.extensionOrigin)) {
      return fail('forbidden', `"${type}" is not allowed from this sender.`);
    }
    const parsed = def.request.safeParse(envelope.data.payload ?? {});
    if (!parsed.success) {
      return fail('invalid', parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
    }
    try {
      const handler = handlers[type as RequestType] as (p: unknown, c: Ctx) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, opts.context(sender)) };
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
