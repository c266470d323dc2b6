import { startSidebar } from '@/lib/content/runtime';
import { GMAIL_MATCHES } from '@/lib/hosts';
import { extractGmail } from '@/lib/sites/gmail/extract';
import { watchGmail } from '@/lib/sites/gmail/watch';

/**
 * Gmail's runtime: detection, watching and the plain first paint. The sidebar UI, auto-logging and the
 * inbox stage chips arrive after it in /gmail-sidebar.js (entrypoints/gmail-sidebar.ts).
 */
export default defineContentScript({
  matches: GMAIL_MATCHES,
  // document_start: the settings request wakes the service worker while Gmail's page is still parsing.
  runAt: 'document_start',
  main: (ctx) =>
    startSidebar(ctx, {
      detect: (doc, url, settings) =>
        // Until the background answers (a cold service worker), colleagues are known by the account's own
        // domain only; the settings' lists apply as soon as they arrive, and no lookup is made before that.
        extractGmail(doc, url, {
          internalDomains: settings?.internalDomains ?? [],
          neverCapture: settings?.neverCapture ?? [],
          bodyChars: settings?.emailBodyChars ?? 0,
        }),
      watch: (ctx, onChange) => watchGmail(window, ctx.signal, onChange),
      uiPath: '/gmail-sidebar.js',
    }),
});
