import { mountSidebar } from '@/components/sidebar/mount';
import { GMAIL_MATCHES } from '@/lib/hosts';
import { extractGmail } from '@/lib/sites/gmail/extract';

export default defineContentScript({
  matches: GMAIL_MATCHES,
  cssInjectionMode: 'ui',
  // document_end: the DOM is parsed, so detection can run before images and late scripts finish loading.
  runAt: 'document_end',
  main: (ctx) =>
    mountSidebar(ctx, {
      detect: (doc, url, settings) =>
        extractGmail(doc, url, { internalDomains: settings.internalDomains, neverCapture: settings.neverCapture }),
    }),
});
