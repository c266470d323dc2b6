import type { SiteUi } from '../site-ui';
import { GmailPanel, GmailPersonExtras } from './GmailPanel';

/** Gmail's part of the sidebar. */
export const gmailUi: SiteUi = {
  PersonExtras: ({ detected, person, prospect, actions }) =>
    detected.gmail ? <GmailPersonExtras gmail={detected.gmail} person={person} prospect={prospect} actions={actions} /> : null,
  Panel: ({ detected, known, run }) => (detected.gmail ? <GmailPanel detected={detected} gmail={detected.gmail} known={known} run={run} /> : null),
};
