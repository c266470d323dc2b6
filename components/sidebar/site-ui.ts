import type { ComponentType } from 'react';
import type { Prospect } from '@/lib/model';
import type { Settings } from '@/lib/settings/settings';
import type { Detected, DetectedPerson } from '@/lib/sites/types';
import type { SidebarActions } from './actions';
import type { Known, Run } from './linkedin/types';

/** One site's additions to the sidebar; each site's UI module carries only its own. */
export interface SiteUi {
  /** Below a person's card details (Gmail: the signature proposal). */
  PersonExtras?: ComponentType<{ detected: Detected; person: DetectedPerson; prospect: Prospect | null; actions: SidebarActions }>;
  /** Below the people (Gmail: the thread's messages and drafts; LinkedIn: bulk capture, merge, touches). */
  Panel?: ComponentType<{ detected: Detected; known: Known | undefined; settings: Settings; run: Run }>;
  /** Whether the panel replaces the per-person cards on this page (LinkedIn list pages). */
  replacesPeopleList?: (detected: Detected) => boolean;
}
