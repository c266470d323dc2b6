/** What the Gmail adapter reads beyond the generic `Detected`: the sidebar's Gmail panel shows these. */
export interface GmailAddress {
  email: string;
  name: string | null;
  /** False for the user, colleagues, automated senders and never-capture entries. */
  external: boolean;
}

export interface GmailMessage {
  /** Gmail's message id as the DOM carries it (#msg-f:..., #msg-a:r-...). */
  id: string;
  from: GmailAddress;
  to: GmailAddress[];
  cc: GmailAddress[];
  direction: 'inbound' | 'outbound';
  /** Epoch ms, when the page shows a time Touchline can read. */
  at?: number;
  /** True when Gmail shows only the one-line summary (recipients are then unknown). */
  collapsed: boolean;
  /** At most `bodyChars` characters of the body (or the summary's snippet); absent when the setting is 0. */
  snippet?: string;
}

export interface SignatureProposal {
  email: string;
  title?: string;
  company?: string;
  phone?: string;
}

export interface GmailDraft {
  /** The draft's message id when Gmail exposes it. */
  draftId?: string;
  inline: boolean;
  subject: string;
  to: GmailAddress[];
  cc: GmailAddress[];
  bcc: GmailAddress[];
  /** Body text, only read at send time and only when settings keep body characters. */
  snippet?: string;
}

export interface GmailListRow {
  legacyThreadId: string;
  /** #thread-f:<decimal> (the same id as legacyThreadId), when the row shows it. */
  threadId?: string;
  subject: string;
  /** The first participant who is not the user (the user's own threads: the user). */
  sender?: GmailAddress;
  /** Everyone the row's sender line names, in order. */
  participants: GmailAddress[];
  /** External people among them (not the user, colleagues, automated senders or never-capture entries). */
  people: string[];
}

export interface GmailDetails {
  account: string | null;
  thread?: {
    subject: string;
    legacyThreadId?: string;
    permThreadId?: string;
    messages: GmailMessage[];
    /** Messages folded into Gmail's "N more" pill: not in the DOM, but part of the thread. */
    hiddenCount: number;
  };
  signatures: SignatureProposal[];
  drafts: GmailDraft[];
  rows: GmailListRow[];
}
