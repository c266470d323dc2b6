import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { send } from '@/lib/messaging/client';
import type { ProspectDetail } from '@/lib/messaging/contract';
import type { Prospect } from '@/lib/model';
import type { Settings } from '@/lib/settings/settings';
import type { Detected } from '@/lib/sites/types';
import { useAsync } from '../ui/use-async';
import { useBackgroundEvent } from '../ui/use-background-events';
import type { SidebarActions } from './actions';
import type { ValueStore } from '../ui/value-store';
import { PersonCard } from './PersonCard';
import { newProspectFrom } from './new-prospect';
import { GmailPanel, GmailPersonExtras } from './gmail/GmailPanel';
import { LinkedInSections, replacesPeopleList } from './linkedin/LinkedInSections';

interface Props {
  page: ValueStore<Detected>;
  settings: ValueStore<Settings>;
}

async function lookup(detected: Detected) {
  const prospects = await send('people.lookup', {
    people: detected.people.map((p) => ({ emails: p.emails, linkedinUrl: p.linkedinUrl, linkedinIds: p.memberUrns })),
  });
  const details = new Map<string, ProspectDetail>();
  await Promise.all(
    prospects.map(async (p) => {
      if (p) details.set(p.id, await send('prospect.get', { id: p.id }));
    }),
  );
  return { prospects, details };
}

/** The panel's content: who is on this page and what Touchline knows about them. */
export function Sidebar({ page, settings }: Props) {
  const detected = useSyncExternalStore(page.subscribe, page.get);
  const { stages, autoLogLinkedInMessages } = useSyncExternalStore(settings.subscribe, settings.get);
  const [error, setError] = useState<string>();
  const known = useAsync(() => lookup(detected), [detected]);
  useBackgroundEvent(useCallback((e) => e.event === 'touchline:changed' && known.reload(), [known.reload]));

  const run = useCallback(async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      known.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  }, [known.reload]);

  const actions: SidebarActions = useMemo(
    () => ({
      addProspect: (person) =>
        run(() =>
          send('prospect.add', newProspectFrom(person, detected)),
        ),
      moveStage: (prospect: Prospect, stageId) => run(() => send('stage.move', { prospectId: prospect.id, stageId })),
      updateProspect: (prospect: Prospect, patch) => run(() => send('prospect.update', { id: prospect.id, patch })),
      addNote: (prospect: Prospect, text) =>
        run(() =>
          send('touch.log', { prospectId: prospect.id, channel: 'note', direction: 'internal', at: Date.now(), summary: text, url: detected.url }),
        ),
    }),
    [run, detected],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-3">
      {detected.title && <h2 className="text-sm font-semibold text-slate-800 dark:text-slate-100">{detected.title}</h2>}
      {(error ?? known.error) && (
        <p role="alert" className="rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
          {error ?? known.error}
        </p>
      )}
      {replacesPeopleList(detected) ? null : detected.people.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No prospects on this page. Open a conversation or a profile.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="People on this page">
          {detected.people.map((person, i) => {
            const prospect = known.value?.prospects[i] ?? null;
            return (
              <PersonCard
                key={person.key}
                person={person}
                prospect={prospect}
                detail={prospect ? known.value?.details.get(prospect.id) : undefined}
                stages={stages}
                actions={actions}
              >
                {detected.gmail && <GmailPersonExtras gmail={detected.gmail} person={person} prospect={prospect} actions={actions} />}
              </PersonCard>
            );
          })}
        </ul>
      )}
      {detected.gmail && <GmailPanel detected={detected} gmail={detected.gmail} known={known.value} run={run} />}
      <LinkedInSections detected={detected} known={known.value} autoLog={autoLogLinkedInMessages} run={run} />
    </div>
  );
}
