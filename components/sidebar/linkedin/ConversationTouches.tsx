import { useEffect, useRef } from 'react';
import { send } from '@/lib/messaging/client';
import type { Prospect } from '@/lib/model';
import type { DetectedConversation, DetectedMessage } from '@/lib/sites/types';
import { formatDateTime } from '../../ui/format';
import { quietButtonClass, type Run } from './types';

interface Props {
  conversation: DetectedConversation;
  prospect: Prospect;
  /** Source ids of the touches already stored for this prospect. */
  logged: Set<string>;
  autoLog: boolean;
  url: string;
  run: Run;
}

const logMessage = (prospect: Prospect, m: DetectedMessage, url: string) =>
  send('touch.log', {
    prospectId: prospect.id,
    channel: 'linkedin-message',
    direction: m.direction,
    at: m.at ?? Date.now(),
    summary: m.text?.slice(0, 20000),
    sourceId: m.id,
    url,
  });

/**
 * The messages of a conversation with a known prospect: log one, or all. The store keys each touch on the
 * message URN, so logging twice (or by hand after auto-logging) still keeps one touch per message.
 */
export function ConversationTouches({ conversation, prospect, logged, autoLog, url, run }: Props) {
  const pending = conversation.messages.filter((m) => !logged.has(m.id));
  const name = conversation.with.name ?? prospect.name;
  const attempted = useRef(new Set<string>());

  useEffect(() => {
    if (!autoLog) return;
    const todo = pending.filter((m) => !attempted.current.has(m.id));
    if (!todo.length) return;
    for (const m of todo) attempted.current.add(m.id);
    void run(async () => {
      for (const m of todo) await logMessage(prospect, m, url);
    });
  }, [autoLog, pending, prospect, url, run]);

  return (
    <section aria-label={`Messages with ${name}`} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold">
          Messages with {name}
          {conversation.overlay && <span className="font-normal text-slate-500"> (chat)</span>}
        </h3>
        <button
          type="button"
          className={quietButtonClass}
          disabled={pending.length === 0}
          onClick={() => void run(async () => {
            for (const m of conversation.messages) await logMessage(prospect, m, url);
          })}
        >
          Log all messages
        </button>
      </div>
      <ul aria-label="Messages" className="flex flex-col gap-1">
        {conversation.messages.map((m, i) => {
          const label = `${m.direction === 'inbound' ? 'From' : 'To'} ${name}${m.at ? `, ${formatDateTime(m.at)}` : ''}`;
          return (
            <li key={m.id} aria-label={`Message ${i + 1}`} className="flex items-start gap-2 text-xs">
              <div className="min-w-0 flex-1">
                <div className="text-slate-500 dark:text-slate-400">{label}</div>
                {m.text && <div className="line-clamp-2 break-words">{m.text}</div>}
              </div>
              {logged.has(m.id) ? (
                <span className="text-green-700 dark:text-green-300">Logged</span>
              ) : (
                <button type="button" className={quietButtonClass} aria-label={`Log message ${i + 1}`} onClick={() => void run(() => logMessage(prospect, m, url))}>
                  Log
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
