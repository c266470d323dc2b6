import type { HandlerContext } from '../background/handlers';
import type { Handlers } from '../messaging/router';
import { connectionView, kickSync, pushPreview, prospectSyncStates, removeConnection, retrySync, saveConnection, setDryRun, testConnection } from './background';
import { signInSalesforce } from './salesforce-sign-in';
import type { SYNC_REQUESTS } from './contract';

type SyncHandlers = Pick<Handlers<HandlerContext>, keyof typeof SYNC_REQUESTS>;

export const syncHandlers: SyncHandlers = {
  'sync.states': ({ prospectIds }, { db }) => prospectSyncStates(db, prospectIds),
  'sync.retry': async ({ prospectId }, { db, changed }) => {
    await retrySync(db, prospectId);
    void kickSync(db, changed);
    return prospectSyncStates(db, [prospectId]);
  },
  'sync.now': async (_, { db, changed }) => {
    void kickSync(db, changed);
    return {};
  },
  'sync.connection.get': (_, { db }) => connectionView(db),
  'sync.connection.test': (input) => testConnection(input),
  'sync.connection.save': async (input, { db, changed }) => {
    const { stages } = await saveConnection(db, input);
    void kickSync(db, changed);
    return { view: await connectionView(db), stages };
  },
  'sync.connection.dryRun': async ({ on }, { db, changed }) => {
    await setDryRun(db, on);
    if (!on) void kickSync(db, changed);
    changed();
    return connectionView(db);
  },
  'sync.preview': (_, { db }) => pushPreview(db),
  'sync.salesforce.signIn': async (input, { db, changed }) => {
    const { stages } = await signInSalesforce(db, input);
    void kickSync(db, changed);
    return { view: await connectionView(db), stages };
  },
  'sync.connection.remove': async (_, { db, changed }) => {
    await removeConnection(db);
    changed();
    return connectionView(db);
  },
};
