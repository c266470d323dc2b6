import { startSidebar } from '@/lib/content/runtime';
import { LINKEDIN_MATCHES } from '@/lib/hosts';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { watchLinkedIn } from '@/lib/sites/linkedin/watch';

/** LinkedIn's runtime; its sidebar UI arrives after the first paint in /linkedin-sidebar.js. */
export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  // document_start: the settings request wakes the service worker while the page is still parsing.
  runAt: 'document_start',
  main: (ctx) =>
    startSidebar(ctx, {
      detect: (doc, url) => extractLinkedIn(doc, url),
      watch: (c, onChange) => watchLinkedIn(c, window, onChange),
      uiPath: '/linkedin-sidebar.js',
    }),
});
