import type { GmailDetails } from './gmail/types';

/** What a site adapter reports about the page; the sidebar sees only these typed objects, never the DOM. */
export interface DetectedPerson {
  /** Stable identity within the page: the email, else the canonical LinkedIn URL. */
  key: string;
  name: string | null;
  emails: string[];
  linkedinUrl?: string;
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
  phone?: string;
  /**
   * LinkedIn's member URNs the page shows (`urn:li:fsd_profile:ACoAA...` from messaging links, message
   * buttons and mini-profile links; `urn:li:member:<n>` from search results and the profile's
   * data-member-id). Kept beside the vanity URL so every form of one member is one prospect.
   */
  memberUrns?: string[];
}

export interface DetectedMessage {
  id: string;
  /** Email of the sender (Gmail) or canonical profile URL (LinkedIn). */
  from: string;
  direction: 'inbound' | 'outbound';
  /** Epoch ms when the page shows a parseable time. */
  at?: number;
  subject?: string;
  /** The message text as the page shows it (LinkedIn), for the touch summary. */
  text?: string;
}

/** A company page (LinkedIn /company/<slug>/). */
export interface DetectedCompany {
  name: string;
  /** Canonical https://www.linkedin.com/company/<slug>. */
  linkedinUrl: string;
  website?: string;
  industry?: string;
}

/** One conversation on the page: the messaging thread, or an overlay chat bubble that leaves the URL alone. */
export interface DetectedConversation {
  /** The conversation's own id (thread id, or the first message's URN for bubbles without one). */
  id: string;
  overlay: boolean;
  /** The other participant. */
  with: DetectedPerson;
  messages: DetectedMessage[];
}

export interface Detected {
  site: 'gmail' | 'linkedin';
  /** e.g. 'thread', 'inbox', 'profile', 'messaging', 'search'. */
  kind: string;
  url: string;
  /** Thread subject, profile name: what the sidebar shows as its heading. */
  title?: string;
  /** Gmail thread id or LinkedIn conversation id, when the page has one. */
  conversationId?: string;
  people: DetectedPerson[];
  messages: DetectedMessage[];
  /** Gmail only: messages with recipients, drafts, list rows and signature proposals. */
  gmail?: GmailDetails;
  /** LinkedIn: the company page's company. */
  company?: DetectedCompany;
  /** LinkedIn: every open conversation (thread page and overlay bubbles), each with its messages. */
  conversations?: DetectedConversation[];
  /** Which expected parts of this kind of page were found; absent for pages with nothing to expect. */
  health?: PageHealth;
}

/**
 * How one expected part of a page was read: by its primary selector, by a fallback (the site may be
 * changing), not at all (`missing`: the page should have shown it), or `absent`: the page itself says there
 * is nothing to read (a member with no current role). Counts of these, never the values, feed the Site health section.
 */
export type PartStatus = 'found' | 'fallback' | 'missing' | 'absent';

/** Per part of the page (name, headline, currentRole, ...), how it was read on this detection. */
export type PageHealth = Record<string, PartStatus>;

/** The interface every site adapter implements (lib/sites/gmail, lib/sites/linkedin). */
export interface SiteAdapter {
  site: Detected['site'];
  detect(doc: Document, url: string): Detected;
}
