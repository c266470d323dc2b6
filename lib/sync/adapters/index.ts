import type { AdapterFactory } from '../adapter';
import type { CrmKind } from '../types';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { twenty } from './twenty';
import { webhook } from './webhook';

export const ADAPTERS: Record<CrmKind, AdapterFactory> = { hubspot, pipedrive, twenty, salesforce, webhook };
