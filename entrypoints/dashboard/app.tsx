import { mountPage } from '@/components/pages/mount-page';
import { Home } from '@/components/home/Shell';
import { bootRoute } from '@/components/home/boot';

// The CRM home: board, list, records, metrics and import/export, routed by the hash (components/home/).
// The first view's code and data start loading before React renders the shell (boot.ts says why).
bootRoute(location.hash);
mountPage(<Home />);
