import { mountSidebar } from '@/components/sidebar/mount';
import { LINKEDIN_MATCHES } from '@/lib/hosts';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { watchLinkedIn } from '@/lib/sites/linkedin/watch';

export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  cssInjectionMode: 'ui',
  // document_end: the DOM is parsed, so detection can run before images and late scripts finish loading.
  runAt: 'document_end',
  main: (ctx) =>
    mountSidebar(ctx, {
      detect: (doc, url) => extractLinkedIn(doc, url),
      watch: (c, onChange) => watchLinkedIn(c, window, onChange),
    }),
});
