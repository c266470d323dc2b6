import { useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Prospect } from '@/lib/model';
import { emailSourceId, emailTouches, prospectsOfMessage, type EmailContext } from '@/lib/email/touches';
import type { GmailDetails, GmailMessage } from '@/lib/sites/gmail/types';
import { formatDateTime } from '../../ui/format';

interface Props {
  thread: NonNullable<GmailDetails['thread']>;
  url: string;
  prospects: Map<string, Prospect>;
  loggedSourceIds: Set<string>;
  run: (action: () => Promise<unknown>) => Promise<void>;
}

const who = (m: GmailMessage) => m.from.name ?? m.from.email;

/** The thread's messages, each with "Log email"; logging again is harmless (the store keeps one touch). */
export function ThreadMessages({ thread, url, prospects, loggedSourceIds, run }: Props) {
  const [status, setStatus] = useState('');
  const ctx: EmailContext = { subject: thread.subject, url, prospects, threadProspects: [...prospects.values()] };
  const log = (messages: GmailMessage[]) =>
    run(async () => {
      const touches = messages.flatMap((m) => emailTouches(m, ctx));
      if (touches.length === 0) return;
      const { created } = await send('touch.logMany', { touches });
      setStatus(created === 0 ? 'Already logged.' : `Logged ${created} email ${created === 1 ? 'touch' : 'touches'}.`);
    });
  const loggable = thread.messages.filter((m) => prospectsOfMessage(m, ctx).length > 0);
  const isLogged = (m: GmailMessage) => {
    const ps = prospectsOfMessage(m, ctx);
    return ps.length > 0 && ps.every((p) => loggedSourceIds.has(emailSourceId(m.id, p.id)));
  };

  return (
    <section aria-label="Messages in this thread" className="flex flex-col gap-1 border-t border-slate-200 pt-2 dark:border-slate-700">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
          Messages ({thread.messages.length + thread.hiddenCount})
        </h3>
        <button
          type="button"
          disabled={loggable.length === 0}
          onClick={() => void log(loggable)}
          className="rounded px-1 text-xs text-blue-700 hover:underline disabled:text-slate-400 dark:text-blue-300"
        >
          Log all
        </button>
      </div>
      <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {status}
      </p>
      <ol className="flex flex-col gap-1">
        {thread.messages.map((m) => {
          const canLog = prospectsOfMessage(m, ctx).length > 0;
          const when = m.at ? formatDateTime(m.at) : '';
          return (
            <li key={m.id} className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-200">
              <span aria-label={m.direction === 'inbound' ? 'Received' : 'Sent'} title={m.direction}>
                {m.direction === 'inbound' ? '\u2199' : '\u2197'}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium" title={m.from.email}>
                  {who(m)}
                </span>
                <span className="block truncate text-slate-500 dark:text-slate-400">{when}</span>
              </span>
              {isLogged(m) && <span className="text-green-700 dark:text-green-400">Logged</span>}
              <button
                type="button"
                disabled={!canLog}
                title={canLog ? undefined : 'Add a person from this message first'}
                aria-label={`Log email from ${who(m)}${when ? `, ${when}` : ''}`}
                onClick={() => void log([m])}
                className="shrink-0 rounded border border-slate-300 px-1.5 py-0.5 hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                Log email
              </button>
            </li>
          );
        })}
      </ol>
      {thread.hiddenCount > 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {thread.hiddenCount} more {thread.hiddenCount === 1 ? 'message is' : 'messages are'} folded in Gmail; expand them to log them.
        </p>
      )}
    </section>
  );
}
