import type { AdapterFactory, BatchResult, CrmAdapter, EraseItem, EraseResult, PersonItem, TouchItem } from '../adapter';
import type { HttpPolicy, Verdict } from '../http';

export const SIGNATURE_HEADER = 'x-touchline-signature';

/** `sha256=<hex>` HMAC of the exact body bytes, so the receiver can check the sender knows the secret. */
export async function sign(secret: string, body: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  return 'sha256=' + [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The receiver's own words, when it gave any: a text body, or `error` / `message` in a JSON one. */
function detail(body: unknown): string {
  const text = typeof body === 'string' ? body : body && typeof body === 'object' ? ((body as { error?: unknown; message?: unknown }).error ?? (body as { message?: unknown }).message) : undefined;
  return typeof text === 'string' && text ? `: ${text.slice(0, 200)}` : '';
}

/** Answers that say "try again": timeouts, conflicts with a delivery still in flight, rate limits. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

export const webhookPolicy: HttpPolicy = {
  label: 'The webhook',
  defaultLimit: { max: 50, intervalMs: 1000 },
  classify(res): Verdict {
    if (res.status >= 200 && res.status < 300) return { kind: 'ok' };
    if (res.status === 410) return { kind: 'stop', message: 'The webhook answered 410 Gone: it asked Touchline to stop sending. Connect it again to resume.' };
    if (res.status === 401 || res.status === 403)
      return { kind: 'auth', message: `The webhook refused the request (HTTP ${res.status}): check the signing secret.` };
    // 422 (the Idempotency-Key was used with another body) and other 4xx: sending the same again cannot help.
    if (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status))
      return { kind: 'record', message: `The webhook refused the batch (HTTP ${res.status}${detail(res.body)}).` };
    return { kind: 'retry', message: `The webhook answered HTTP ${res.status}.` };
  },
  rateLimit: () => ({}),
};

function personEvent(p: PersonItem) {
  const { prospect } = p;
  return {
    type: 'person.upsert',
    id: prospect.id,
    name: prospect.name,
    emails: prospect.emails,
    linkedinUrl: prospect.linkedinUrl,
    title: prospect.title,
    company: p.company ? { name: p.company.name, domain: p.company.domain } : prospect.company ? { name: prospect.company } : undefined,
    stage: { id: prospect.stageId, name: p.stage?.name ?? prospect.stageId, crmStage: p.remoteStage },
    updatedAt: prospect.updatedAt,
  };
}

function touchEvent(t: TouchItem) {
  const { touch } = t;
  return { type: 'touch.create', id: touch.id, personId: touch.prospectId, channel: touch.channel, direction: touch.direction, at: touch.at, subject: touch.subject, summary: touch.summary, url: touch.url };
}

/**
 * A person was erased in Touchline (a request to be forgotten): the receiver deletes what it holds under
 * `id` (the `person.upsert` id) and `ids` (that id and their `touch.create` ids). Nothing else of them is sent.
 */
function erasedEvent(item: EraseItem) {
  return { type: 'prospect.erased', id: item.prospectId, ids: item.records.map((r) => r.id) };
}

/** A generic webhook: one signed POST per batch, carrying the batch's stable Idempotency-Key. */
export const webhook: AdapterFactory = (conn, makeHttp): CrmAdapter => {
  const http = makeHttp(webhookPolicy);
  async function post(payload: unknown, key: string) {
    const body = JSON.stringify(payload);
    return http.request('POST', conn.baseUrl, body, { 'idempotency-key': key, [SIGNATURE_HEADER]: await sign(conn.token, body) });
  }
  return {
    rowsPerBatch: 100,
    async push(batch) {
      await post({ batch: batch.key, events: [...batch.people.map(personEvent), ...batch.touches.map(touchEvent)] }, batch.key);
      const out: BatchResult = { people: new Map(), touches: new Map() };
      for (const p of batch.people) out.people.set(p.prospect.id, { remote: { webhook: p.prospect.id } });
      for (const t of batch.touches) out.touches.set(t.touch.id, { remote: { webhook: t.touch.id } });
      return out;
    },
    async erase(batch) {
      await post({ batch: batch.key, events: batch.items.map(erasedEvent) }, batch.key);
      const out: EraseResult = new Map();
      for (const item of batch.items) out.set(item.prospectId, { done: true });
      return out;
    },
    async test() {
      await post({ batch: 'test', events: [{ type: 'ping' }] }, `test-${crypto.randomUUID()}`);
      return 'The webhook accepted a signed test event.';
    },
    async stages() {
      return [];
    },
  };
};
