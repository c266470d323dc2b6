import { mountSidebar } from '@/components/sidebar/mount';
import { startEmailAutoLog } from '@/lib/email/auto-log';
import { startStageChips } from '@/lib/email/stage-chips';
import { changedEvents } from '@/lib/content/on-changed';
import { GMAIL_MATCHES } from '@/lib/hosts';
import { extractGmail } from '@/lib/sites/gmail/extract';
import { gmailLayoutCss } from '@/lib/sites/gmail/layout';
import { watchGmail } from '@/lib/sites/gmail/watch';

export default defineContentScript({
  matches: GMAIL_MATCHES,
  cssInjectionMode: 'ui',
  // document_end: the DOM is parsed, so detection can run before images and late scripts finish loading.
  runAt: 'document_end',
  main: (ctx) =>
    mountSidebar(ctx, {
      detect: (doc, url, settings) =>
        extractGmail(doc, url, {
          internalDomains: settings.internalDomains,
          neverCapture: settings.neverCapture,
          bodyChars: settings.emailBodyChars,
        }),
      watch: (ctx, onChange) => watchGmail(window, ctx.signal, onChange),
      layoutCss: gmailLayoutCss,
      start: (ctx, stores) => {
        const onChanged = changedEvents(ctx);
        startEmailAutoLog(ctx, stores, onChanged);
        startStageChips(ctx, stores, onChanged);
      },
    }),
});
