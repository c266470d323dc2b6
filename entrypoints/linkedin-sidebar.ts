import { mountSidebarUi } from '@/components/sidebar/mount';
import { linkedInUi } from '@/components/sidebar/linkedin/site';
import { registerSidebarUi } from '@/lib/content/sidebar-runtime';

/** LinkedIn's sidebar UI, imported by the LinkedIn runtime after its first paint. Only LinkedIn's panels are in it. */
export default defineUnlistedScript(() => registerSidebarUi((runtime) => mountSidebarUi(runtime, linkedInUi)));
