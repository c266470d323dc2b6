import type { ReactNode } from 'react';
import type { Prospect } from '@/lib/model';
import type { Stage } from '@/lib/process/stage';
import type { DetectedPerson } from '@/lib/sites/types';
import { CHANNEL_LABELS, formatDateTime } from '../ui/format';
import { NextStepForm } from './NextStepForm';
import { NoteForm } from './NoteForm';
import { ProcessPanel } from './process/ProcessPanel';
import { SyncState } from './sync/SyncState';
import type { SidebarActions } from './actions';
import type { ProspectDetail } from '@/lib/messaging/contract';
import { CLS, displayName } from '@/lib/content/sidebar-classes';

interface Props {
  person: DetectedPerson;
  /** The store has not answered yet: the card keeps a placeholder row where the stage or Add button goes. */
  loading?: boolean;
  prospect: Prospect | null;
  detail?: ProspectDetail;
  stages: Stage[];
  actions: SidebarActions;
  /** Site-specific additions (Gmail: the signature proposal). */
  children?: ReactNode;
}

/** One person on the page: known (stage, last touches, note) or new (one click adds them). */
export function PersonCard({ person, loading, prospect, detail, stages, actions, children }: Props) {
  const name = displayName(person, prospect);
  const subtitle = [prospect?.title ?? person.title, prospect?.company ?? person.company].filter(Boolean).join(' \u00b7 ');
  const headline = prospect?.headline ?? person.headline;
  // The first rows are the same boxes the runtime's first paint drew (lib/content/first-paint.ts).
  return (
    <li className={CLS.card} aria-label={name}>
      <div className={CLS.who}>
        <div className={CLS.name} title={name}>
          {name}
        </div>
        {person.emails[0] && <div className={CLS.line}>{person.emails[0]}</div>}
        {subtitle && <div className={CLS.line}>{subtitle}</div>}
        {headline && headline !== subtitle && (
          <div className={CLS.headline} aria-label="Headline">
            {headline}
          </div>
        )}
      </div>
      {loading ? (
        <div className={CLS.status}>
          <span className={CLS.pending} />
        </div>
      ) : prospect ? (
        <>
          {/* Stage moves go through the sales-process rules (reasons, loss reasons): see process/ProcessPanel. */}
          <ProcessPanel prospect={prospect} stages={stages} lastTouchId={detail?.touches[0]?.id} history={detail?.stageChanges} />
          {/* Saving a next step with a date also keeps its follow-up task (badge, popup): lib/store/prospects.ts. */}
          <NextStepForm prospect={prospect} onSave={(patch) => actions.updateProspect(prospect, patch)} />
          <SyncState prospectId={prospect.id} />
          <NoteForm onSave={(text) => actions.addNote(prospect, text)} />
          {/* A content script cannot link to an extension page: the background opens the record. */}
          <button type="button" onClick={() => void actions.openRecord(prospect)} aria-label={`Open the record of ${name}`} className="self-start text-xs text-blue-700 underline dark:text-blue-300">
            Open record
          </button>
          {detail && detail.touches.length > 0 && (
            <ul className="flex flex-col gap-1 border-t border-slate-100 pt-2 dark:border-slate-800" aria-label="Recent touches">
              {detail.touches.slice(0, 3).map((t) => (
                <li key={t.id} className="text-xs text-slate-600 dark:text-slate-300">
                  <span className="font-medium">{CHANNEL_LABELS[t.channel]}</span> {formatDateTime(t.at)}
                  {t.summary && <div className="line-clamp-2 whitespace-pre-wrap break-words">{t.summary}</div>}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <div className={CLS.status}>
          <button
            type="button"
            onClick={() => void actions.addProspect(person)}
            aria-label={`Add ${name}`}
            className="rounded bg-blue-600 px-2 py-1 text-xs font-medium text-white hover:bg-blue-700"
          >
            Add as prospect
          </button>
        </div>
      )}
      {children}
    </li>
  );
}
