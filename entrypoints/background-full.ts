import { startFull } from '@/lib/background/full';
import { provideFull } from '@/lib/background/lazy-full';

/**
 * The service worker's second script: every request but a page's own, sync, reminders (lib/background/full.ts).
 * entrypoints/background.ts loads it only when one of those is first needed (lib/background/lazy-full.ts).
 */
export default defineUnlistedScript(() => provideFull(startFull));
