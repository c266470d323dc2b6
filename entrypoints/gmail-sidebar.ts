import { mountSidebarUi } from '@/components/sidebar/mount';
import { gmailUi } from '@/components/sidebar/gmail/site';
import { registerSidebarUi } from '@/lib/content/sidebar-runtime';
import { startEmailAutoLog } from '@/lib/email/auto-log';
import { startStageChips } from '@/lib/email/stage-chips';

/**
 * Gmail's sidebar UI, imported by the Gmail runtime after its first paint (a web-accessible module at a
 * per-session URL; it runs in the content script's isolated world). Only Gmail's panels are in it.
 */
export default defineUnlistedScript(() =>
  registerSidebarUi((runtime) => {
    mountSidebarUi(runtime, gmailUi);
    startEmailAutoLog(runtime);
    startStageChips(runtime);
  }),
);
