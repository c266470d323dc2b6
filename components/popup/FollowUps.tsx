import { useCallback, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { DueItemView } from '@/lib/process/views';
import { useAsync } from '../ui/use-async';
import { useBackgroundEvent } from '../ui/use-background-events';
import { CHANNEL_LABELS, formatDateTime } from '../ui/format';

const KIND_LABELS: Record<string, string> = { ...CHANNEL_LABELS, todo: 'To do' };

/** Today's and overdue follow-ups. On a focused row, "d" marks it done and "s" snoozes it to tomorrow. */
export function FollowUps() {
  const due = useAsync(() => send('tasks.due', {}), []);
  useBackgroundEvent(useCallback((e) => e.event === 'touchline:changed' && due.reload(), [due.reload]));
  const [error, setError] = useState<string>();
  const act = async (type: 'task.done' | 'task.snooze', taskId: string) => {
    setError(undefined);
    try {
      await send(type, { taskId });
      due.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const items = due.value?.items ?? [];
  const overdue = items.filter((i) => i.overdue);
  const today = items.filter((i) => !i.overdue);
  return (
    <section aria-labelledby="followups-heading" className="flex flex-col gap-2">
      <h2 id="followups-heading" className="font-semibold">
        Follow-ups
      </h2>
      {(error ?? due.error) && (
        <p role="alert" className="text-red-700">
          {error ?? due.error}
        </p>
      )}
      {due.value && items.length === 0 && <p className="text-slate-500">Nothing due today.</p>}
      {due.value && items.length > 0 && (
        <p className="text-xs text-slate-600">
          {due.value.counts.overdue} overdue, {due.value.counts.today} due today
          {items.length < due.value.counts.overdue + due.value.counts.today ? ` (the oldest ${items.length} below)` : ''}
        </p>
      )}
      <Group title="Overdue" items={overdue} onAct={act} />
      <Group title="Today" items={today} onAct={act} />
    </section>
  );
}

function Group({ title, items, onAct }: { title: string; items: DueItemView[]; onAct: (type: 'task.done' | 'task.snooze', id: string) => void }) {
  if (!items.length) return null;
  return (
    <ul aria-label={title} className="flex flex-col gap-1">
      {items.map(({ task, prospectName, link }) => (
        <li
          key={task.id}
          tabIndex={0}
          aria-label={`${task.title}, ${prospectName}`}
          aria-keyshortcuts="d s"
          onKeyDown={(e) => {
            if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
            if (e.key === 'd') onAct('task.done', task.id);
            if (e.key === 's') onAct('task.snooze', task.id);
          }}
          className="rounded border border-slate-200 p-1.5 focus:outline-2 focus:outline-blue-600"
        >
          <div className="flex justify-between gap-2">
            {link ? (
              <a href={link} target="_blank" rel="noreferrer" className="truncate font-medium text-blue-700 underline">
                {prospectName}
              </a>
            ) : (
              <span className="truncate font-medium">{prospectName}</span>
            )}
            <span className={`shrink-0 text-xs ${title === 'Overdue' ? 'text-red-700' : 'text-slate-500'}`}>{formatDateTime(task.due)}</span>
          </div>
          <div className="text-xs">
            {KIND_LABELS[task.kind] ?? task.kind}: {task.title}
          </div>
          <div className="mt-1 flex gap-1 text-xs">
            <button type="button" aria-label={`Done: ${task.title}`} onClick={() => onAct('task.done', task.id)} className="rounded border border-slate-300 px-1">
              Done (d)
            </button>
            <button type="button" aria-label={`Snooze: ${task.title}`} onClick={() => onAct('task.snooze', task.id)} className="rounded border border-slate-300 px-1">
              Snooze (s)
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
