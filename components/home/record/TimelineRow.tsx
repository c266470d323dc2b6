import type { TimelineEntry } from '@/lib/home/timeline';
import { siteLinkLabel } from '@/lib/home/safe-link';
import type { Touch } from '@/lib/model';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { QUIET_BUTTON } from './classes';
import { entryTitle } from './entry-title';

export { entryTitle } from './entry-title';

function SiteLink({ href }: { href?: string }) {
  if (!href) return null;
  return (
    <a href={href} target="_blank" rel="noreferrer" className="text-sm text-blue-700 underline dark:text-blue-300">
      {siteLinkLabel(href)}
    </a>
  );
}

/** One entry of the timeline. Page text (subjects, names, reasons) is rendered as text, never as markup. */
export function TimelineRow({ entry: e, onDelete }: { entry: TimelineEntry; onDelete: (t: Touch) => void }) {
  return (
    <div className="flex flex-col gap-0.5 border-b border-slate-100 py-2 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium">{entryTitle(e)}</span>
        <time dateTime={new Date(e.at).toISOString()} className="text-xs text-slate-500">
          {formatDateTime(e.at)}
        </time>
      </div>
      {(e.kind === 'touch' || e.kind === 'note') && (
        <>
          {e.touch.subject && <div className="break-words font-medium">{e.touch.subject}</div>}
          {e.touch.summary && <div className="line-clamp-4 whitespace-pre-wrap break-words text-sm text-slate-700 dark:text-slate-300">{e.touch.summary}</div>}
          <div className="flex items-center gap-3">
            <SiteLink href={e.link} />
            <button type="button" onClick={() => onDelete(e.touch)} className={`${QUIET_BUTTON} text-xs`}>
              Delete {e.kind === 'note' ? 'note' : 'touch'}
            </button>
          </div>
        </>
      )}
      {e.kind === 'stage' && (
        <>
          {e.change.lossReason && <div className="text-sm">Loss reason: {e.change.lossReason}</div>}
          {e.change.reason && <div className="whitespace-pre-wrap break-words text-sm">Reason: {e.change.reason}</div>}
          {e.change.unmetCriteria?.length ? <div className="text-xs text-amber-800 dark:text-amber-200">Moved on without: {e.change.unmetCriteria.join('; ')}</div> : null}
        </>
      )}
      {e.kind === 'task' && (
        <div className="flex items-center gap-3 text-sm">
          <span>
            Due {formatDate(e.task.due)}
            {e.task.done ? `, done${e.task.doneAt ? ` ${formatDate(e.task.doneAt)}` : ''}` : ', open'}
          </span>
          <SiteLink href={e.link} />
        </div>
      )}
      {e.kind === 'merge' && <div className="text-sm">{e.merge.movedTouchIds.length} touches moved onto this record</div>}
    </div>
  );
}
