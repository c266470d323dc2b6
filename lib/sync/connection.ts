import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { CrmKind } from './types';

export const ConnectionOptions = lazySchema(() =>
  z.object({
    salesforcePeople: z.enum(['Lead', 'Contact']).optional(),
    /** An external-ID field the Salesforce admin named instead of Touchline_Id__c. */
    externalIdField: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*__c$/).optional(),
  }),
);

/** A connected CRM as the background stores it. `token` never leaves the background's storage. */
export const Connection = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    crm: CrmKind,
    /** API base (HubSpot/Pipedrive/Twenty) or the webhook's URL. */
    baseUrl: z.string().url(),
    /** HubSpot private app token, Pipedrive API token, Twenty API key, or the webhook signing secret. */
    token: z.string().min(1).max(2000),
    /** Touchline stage id -> CRM stage id. */
    stageMap: z.record(z.string(), z.string()),
    pipelineId: z.string().optional(),
    connectedAt: z.number(),
    /** Team settings of the connection (Salesforce: Leads or Contacts, and the external-ID field). */
    options: ConnectionOptions.optional(),
    /** Dry run: the options page shows what would be sent, and nothing is. */
    dryRun: z.boolean().optional(),
    /** What the setup step found or created in the account (lib/sync/adapter.ts SetupReport). */
    setup: z
      .object({ at: z.number(), created: z.array(z.string()), found: z.array(z.string()), todo: z.array(z.string()), values: z.record(z.string(), z.string()) })
      .optional(),
  }),
);
export type Connection = z.infer<typeof Connection>;

/** What the options page sends to test or save a connection. */
export const ConnectionInput = lazySchema(() =>
  z.object({
    crm: CrmKind,
    baseUrl: z.string().url().max(2048).optional(),
    token: z.string().min(1, 'Paste the token first.').max(2000),
    stageMap: z.record(z.string(), z.string()).optional(),
    options: ConnectionOptions.optional(),
  }),
);
export type ConnectionInput = z.infer<typeof ConnectionInput>;

export const DEFAULT_BASE_URLS: Record<CrmKind, string | undefined> = {
  hubspot: 'https://api.hubapi.com',
  pipedrive: 'https://api.pipedrive.com',
  twenty: 'https://api.twenty.com',
  salesforce: 'https://login.salesforce.com',
  webhook: undefined,
};

export const CRM_LABELS: Record<CrmKind, string> = {
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  twenty: 'Twenty',
  salesforce: 'Salesforce',
  webhook: 'Webhook',
};

/** The origin the browser must grant before we can call this CRM (a match pattern for permissions.request). */
export function originPattern(crm: CrmKind, baseUrl?: string): string {
  const url = new URL(baseUrl ?? DEFAULT_BASE_URLS[crm] ?? '');
  return `${url.protocol}//${url.hostname}/*`;
}

export function resolveBaseUrl(input: ConnectionInput): string {
  const url = input.baseUrl ?? DEFAULT_BASE_URLS[input.crm];
  if (!url) throw new Error(`${CRM_LABELS[input.crm]} needs a URL.`);
  return url.replace(/\/+$/, '');
}
