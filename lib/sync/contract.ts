import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { defineRequest } from '../messaging/define';
import { ConnectionInput } from './connection';
import { CrmKind, ENGINE_STATES, ProspectSyncState } from './types';

const RemoteStage = lazySchema(() =>
  z.object({ id: z.string(), label: z.string(), pipelineId: z.string().optional(), pipelineLabel: z.string().optional() }),
);

/** The connection as pages see it: never the token. */
export const ConnectionView = lazySchema(() =>
  z.object({
    connected: z.boolean(),
    crm: CrmKind.optional(),
    baseUrl: z.string().optional(),
    stageMap: z.record(z.string(), z.string()),
    state: z.enum(ENGINE_STATES),
    message: z.string().optional(),
    pending: z.number(),
    failed: z.number(),
    retryAt: z.number().optional(),
    dryRun: z.boolean(),
    /** What setup created or found in the account, and what the user must do there. */
    setup: z.object({ created: z.array(z.string()), found: z.array(z.string()), todo: z.array(z.string()) }).optional(),
    /** Why rows were refused, most frequent first. */
    refused: z.array(z.object({ reason: z.string(), count: z.number() })),
  }),
);
export type ConnectionView = z.infer<typeof ConnectionView>;

/** CRM sync requests (issue 6). Anything that carries or uses a token is `extension` only. */
export const SYNC_REQUESTS = {
  'sync.states': defineRequest(() => ({
    audience: 'content',
    request: z.object({ prospectIds: z.array(z.string().min(1).max(100)).max(500) }),
    response: z.array(ProspectSyncState),
    names: (p) => ({ prospects: p.prospectIds }),
  })),
  'sync.retry': defineRequest(() => ({
    audience: 'content',
    request: z.object({ prospectId: z.string().min(1).max(100) }),
    response: z.array(ProspectSyncState),
    names: (p) => ({ prospects: [p.prospectId] }),
  })),
  /** Sends what waits now (the erase page, after queuing a CRM deletion outside the background). */
  'sync.now': defineRequest(() => ({ audience: 'extension', request: z.object({}), response: z.object({}) })),
  'sync.connection.get': defineRequest(() => ({ audience: 'extension', request: z.object({}), response: ConnectionView })),
  'sync.connection.test': defineRequest(() => ({
    audience: 'extension',
    request: ConnectionInput,
    response: z.object({ ok: z.boolean(), message: z.string(), stages: z.array(RemoteStage) }),
  })),
  'sync.connection.save': defineRequest(() => ({
    audience: 'extension',
    request: ConnectionInput,
    response: z.object({ view: ConnectionView, stages: z.array(RemoteStage) }),
  })),
  'sync.connection.remove': defineRequest(() => ({ audience: 'extension', request: z.object({}), response: ConnectionView })),
  'sync.connection.dryRun': defineRequest(() => ({ audience: 'extension', request: z.object({ on: z.boolean() }), response: ConnectionView })),
  'sync.salesforce.signIn': defineRequest(() => ({
    audience: 'extension',
    request: z.object({ clientId: z.string().min(10).max(300), loginUrl: z.string().url().max(300), people: z.enum(['Lead', 'Contact']) }),
    response: z.object({ view: ConnectionView, stages: z.array(RemoteStage) }),
  })),
  'sync.preview': defineRequest(() => ({
    audience: 'extension',
    request: z.object({}),
    response: z.object({
      people: z.object({ create: z.number(), update: z.number() }),
      touches: z.object({ create: z.number(), update: z.number() }),
      erase: z.number(),
      sample: z.array(z.object({ action: z.enum(['create', 'update', 'delete']), kind: z.enum(['person', 'touch']), label: z.string() })),
      refused: z.number(),
    }),
  })),
} as const;
