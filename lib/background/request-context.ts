import { getDb } from '../db/database';
import type { PageScopes } from '../messaging/page-scopes';
import type { RequestFacts } from '../messaging/router';
import type { HandlerContext } from './handlers';

/**
 * What every handler gets beside its payload, in both of the worker's scripts (entrypoints/background.ts
 * answers a page, lib/background/full.ts the rest): the same facts, so a handler behaves the same in either.
 */
export function requestContext(scopes: PageScopes): (facts: RequestFacts) => HandlerContext {
  return ({ sender, scope, tab, changed }) => ({
    // Opened by the first handler that reads records: page.open, a page's first request, needs none.
    get db() {
      return getDb();
    },
    sender,
    scope,
    changed: () => changed(),
    resetPage: tab === undefined ? undefined : () => scopes.reset(tab),
  });
}
