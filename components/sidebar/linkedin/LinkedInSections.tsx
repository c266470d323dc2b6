import { useState } from 'react';
import { send } from '@/lib/messaging/client';
import { isListPage } from '@/lib/sites/linkedin/page-kind';
import type { Detected } from '@/lib/sites/types';
import { BulkCapture } from './BulkCapture';
import { CompanyCard } from './CompanyCard';
import { ConversationTouches } from './ConversationTouches';
import { LogTouchForm } from './LogTouchForm';
import { SamePerson } from './SamePerson';
import { quietButtonClass, type Known, type Run } from './types';

interface Props {
  detected: Detected;
  known: Known | undefined;
  autoLog: boolean;
  run: Run;
}

/** Whether the LinkedIn sections replace the per-person cards (list pages show one compact bulk list). */
export const replacesPeopleList = (detected: Detected) => detected.site === 'linkedin' && isListPage(detected.kind);

/** What the sidebar adds on LinkedIn: bulk capture, message and touch logging, same-person merge with undo. */
export function LinkedInSections({ detected, known, autoLog, run }: Props) {
  const [lastMerge, setLastMerge] = useState<{ id: string; name: string }>();
  if (detected.site !== 'linkedin') return null;
  if (isListPage(detected.kind))
    return (
      <>
        {/* A company's People tab is a list of the company's people: the company stays on top. */}
        {detected.company && <CompanyCard company={detected.company} run={run} />}
        <BulkCapture detected={detected} known={known} run={run} />
      </>
    );

  const prospectOf = (key: string) => {
    const i = detected.people.findIndex((p) => p.key === key);
    return i >= 0 ? (known?.prospects[i] ?? null) : null;
  };
  const loggedFor = (id: string) => new Set((known?.details.get(id)?.touches ?? []).flatMap((t) => (t.sourceId ? [t.sourceId] : [])));
  const subject = detected.kind === 'profile' || detected.kind === 'sales-lead' ? detected.people[0] : undefined;
  const subjectProspect = subject ? prospectOf(subject.key) : null;

  return (
    <>
      {detected.company && <CompanyCard company={detected.company} run={run} />}
      {lastMerge && (
        <div role="status" className="flex items-center justify-between gap-2 rounded bg-green-50 p-2 text-xs text-green-900 dark:bg-green-950 dark:text-green-200">
          <span>Merged into one prospect: {lastMerge.name}.</span>
          <button
            type="button"
            className={quietButtonClass}
            onClick={() =>
              void run(async () => {
                await send('prospect.unmerge', { mergeId: lastMerge.id });
                setLastMerge(undefined);
              })
            }
          >
            Undo merge
          </button>
        </div>
      )}
      {subject && subjectProspect && (
        <>
          <SamePerson person={subject} prospect={subjectProspect} run={run} onMerged={(id, name) => setLastMerge({ id, name })} />
          <LogTouchForm prospect={subjectProspect} url={detected.url} run={run} />
        </>
      )}
      {(detected.conversations ?? []).map((c) => {
        const prospect = prospectOf(c.with.key);
        return prospect ? (
          <ConversationTouches key={c.id} conversation={c} prospect={prospect} logged={loggedFor(prospect.id)} autoLog={autoLog} url={detected.url} run={run} />
        ) : null;
      })}
    </>
  );
}
