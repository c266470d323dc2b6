import { useAction } from '../../ui/use-action';
import { usePageData } from '../page-data';

/**
 * The sales-process view of one prospect and the settings it needs, from the sidebar's page request (no
 * request of its own); after an action, the change event brings the new view.
 */
export function useProcess(prospectId: string) {
  const data = usePageData();
  const view = data.viewOf(prospectId)?.process;
  const { error, run } = useAction();
  return { value: view ? { view, settings: data.settings } : undefined, error, run };
}
