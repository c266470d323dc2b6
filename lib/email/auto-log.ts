import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messaging/client';
import type { Prospect } from '../model';
import type { Settings } from '../settings/settings';
import { watchComposeSend } from '../sites/gmail/send-watch';
import type { GmailDraft } from '../sites/gmail/types';
import type { Detected } from '../sites/types';
import { emailSourceId, emailTouches } from './touches';

interface Stores {
  page: { get(): Detected; subscribe(l: () => void): () => void };
  settings: { get(): Settings; subscribe(l: () => void): () => void };
}

async function knownProspects(emails: string[]): Promise<Map<string, Prospect>> {
  if (emails.length === 0) return new Map();
  const found = await send('people.lookup', { people: emails.map((e) => ({ emails: [e] })) });
  const map = new Map<string, Prospect>();
  emails.forEach((e, i) => found[i] && map.set(e, found[i]!));
  return map;
}

/**
 * Email logging that runs without the rep clicking (both off by default): every message of an open thread
 * with a known prospect, and mail to known prospects when it is sent. Touches carry Gmail's message id, so
 * a message logged here, by hand, or again later is stored once.
 */
export function startEmailAutoLog(ctx: ContentScriptContext, { page, settings }: Stores, onChangedEvent: (l: () => void) => void): void {
  let loggedKey = '';
  const logThread = async () => {
    const d = page.get();
    const thread = d.gmail?.thread;
    if (!settings.get().autoLogThreads || !thread || d.people.length === 0 || ctx.isInvalid) return;
    const prospects = await knownProspects(d.people.map((p) => p.key));
    const key = `${thread.messages.map((m) => m.id).join()}|${[...prospects.values()].map((p) => p.id).join()}`;
    if (prospects.size === 0 || key === loggedKey) return;
    loggedKey = key;
    const ctxEmail = { subject: thread.subject, url: d.url, prospects, threadProspects: [...prospects.values()] };
    const touches = thread.messages.flatMap((m) => emailTouches(m, ctxEmail));
    if (touches.length) await send('touch.logMany', { touches });
  };
  const safely = () => void logThread().catch(() => undefined);
  ctx.onInvalidated(page.subscribe(safely));
  ctx.onInvalidated(settings.subscribe(safely));
  onChangedEvent(safely);
  safely();

  const logSent = async (draft: GmailDraft) => {
    const recipients = [...draft.to, ...draft.cc, ...draft.bcc].filter((a) => a.external).map((a) => a.email);
    const prospects = await knownProspects(recipients);
    const now = Date.now();
    const touches = [...new Map([...prospects.values()].map((p) => [p.id, p])).values()].map((p) => ({
      prospectId: p.id,
      channel: 'email' as const,
      direction: 'outbound' as const,
      at: now,
      subject: draft.subject.slice(0, 1000) || undefined,
      summary: draft.snippet,
      // The sent message keeps the draft's id, so logging it later from the thread finds this touch.
      sourceId: draft.draftId ? emailSourceId(draft.draftId, p.id) : undefined,
      url: location.href.slice(0, 2048),
    }));
    if (touches.length) await send('touch.logMany', { touches });
  };
  watchComposeSend(
    document,
    ctx.signal,
    () => ({ ...settings.get(), bodyChars: settings.get().emailBodyChars }),
    (draft) => {
      if (settings.get().logOnSend) void logSent(draft).catch(() => undefined);
    },
  );
}
