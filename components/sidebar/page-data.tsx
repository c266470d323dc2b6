import { createContext, useContext } from 'react';
import type { PersonView } from '@/lib/messaging/contract';
import type { Settings } from '@/lib/settings/settings';

/** What the sidebar's one page request answered, for the cards' panels (process, sync) to read. */
export interface PageData {
  viewOf(prospectId: string): PersonView | undefined;
  settings: Settings;
}

export const PageDataContext = createContext<PageData | null>(null);

export function usePageData(): PageData {
  const data = useContext(PageDataContext);
  if (!data) throw new Error('usePageData outside the sidebar');
  return data;
}
