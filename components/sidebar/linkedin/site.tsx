import type { SiteUi } from '../site-ui';
import { LinkedInSections, replacesPeopleList } from './LinkedInSections';

/** LinkedIn's part of the sidebar. */
export const linkedInUi: SiteUi = {
  Panel: ({ detected, known, settings, run }) => <LinkedInSections detected={detected} known={known} autoLog={settings.autoLogLinkedInMessages} run={run} />,
  replacesPeopleList,
};
