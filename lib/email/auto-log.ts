import type { SidebarRuntime } from '../content/sidebar-runtime';
import { send } from '../messaging/client';
import type { Prospect } from '../model';
import { watchComposeSend } from '../sites/gmail/send-watch';
import type { GmailDraft } from '../sites/gmail/types';
import { emailSourceId, emailTouches } from './touches';

/**
 * Email logging that runs without the rep clicking (both off by default): every message of an open thread
 * with a known prospect, and mail to known prospects when it is sent. Touches carry Gmail's message id, so
 * a message logged here, by hand, or again later is stored once. It reads who is known from the sidebar's
 * page request instead of asking again.
 */
export function startEmailAutoLog({ ctx, page, settings, known }: Pick<SidebarRuntime, 'ctx' | 'page' | 'settings' | 'known'>): void {
  let loggedKey = '';
  const knownOnPage = (emails: string[]) => {
    const byEmail = new Map<string, Prospect>();
    const views = known.get();
    for (const person of page.get().people) {
      const p = views[person.key]?.prospect;
      if (p) for (const e of person.emails) byEmail.set(e, p);
    }
    return new Map(emails.flatMap((e) => (byEmail.has(e) ? [[e, byEmail.get(e)!] as const] : [])));
  };
  const logThread = async () => {
    const d = page.get();
    const thread = d.gmail?.thread;
    if (!settings.get().autoLogThreads || !thread || d.people.length === 0 || ctx.isInvalid) return;
    const prospects = knownOnPage(d.people.map((p) => p.key));
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
  ctx.onInvalidated(known.subscribe(safely));
  safely();

  const logSent = async (draft: GmailDraft) => {
    const recipients = [...draft.to, ...draft.cc, ...draft.bcc].filter((a) => a.external).map((a) => a.email);
    if (recipients.length === 0) return;
    // Recipients of a new mail need not be on the page: ask about them (a draft's few addresses).
    const views = await send('page.people', { people: recipients.slice(0, 100).map((e) => ({ emails: [e] })) });
    const now = Date.now();
    const touches = [...new Map(views.flatMap((v) => (v ? [[v.prospect.id, v.prospect] as const] : []))).values()].map((p) => ({
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
