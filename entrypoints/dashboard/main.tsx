import { mountPage } from '@/components/pages/mount-page';
import { Home } from '@/components/home/Shell';

// The CRM home: board, list, records, metrics and import/export, routed by the hash (components/home/).
mountPage(<Home />);
