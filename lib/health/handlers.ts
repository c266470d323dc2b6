import type { HandlerContext } from '../background/handlers';
import type { Handlers } from '../messaging/router';
import type { HEALTH_REQUESTS } from './contract';
import { readHealth, recordHealth } from './store';

type HealthHandlers = Pick<Handlers<HandlerContext>, keyof typeof HEALTH_REQUESTS>;

export const healthHandlers: HealthHandlers = {
  'health.report': async (report) => ({ signal: await recordHealth(report) }),
  'health.get': () => readHealth(),
};
