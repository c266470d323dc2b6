import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { CLS } from '@/lib/content/sidebar-classes';
import type { SidebarRuntime } from '@/lib/content/sidebar-runtime';
import { send } from '@/lib/messaging/client';
import type { PersonView } from '@/lib/messaging/contract';
import type { Prospect } from '@/lib/model';
import type { SidebarActions } from './actions';
import type { Known } from './linkedin/types';
import { PageDataContext, type PageData } from './page-data';
import { PersonCard } from './PersonCard';
import { newProspectFrom } from './new-prospect';
import type { SiteUi } from './site-ui';
import { HealthSignal } from './health/HealthSignal';
import { ReportPage } from './health/ReportPage';

/**
 * The panel's content: who is on this page and what Touchline knows about them. The runtime asks the
 * background about the page's people in one request and again when a change concerns them; the cards only
 * read that answer, and an action's result arrives the same way (the change event).
 */
export function Sidebar({ runtime, site }: { runtime: SidebarRuntime; site: SiteUi }) {
  const detected = useSyncExternalStore(runtime.page.subscribe, runtime.page.get);
  const settings = useSyncExternalStore(runtime.settings.subscribe, runtime.settings.get);
  const knownByKey = useSyncExternalStore(runtime.known.subscribe, runtime.known.get);
  const [error, setError] = useState<string>();

  const { known, views } = useMemo(() => {
    const views = new Map<string, PersonView>();
    const prospects = detected.people.map((p) => {
      const view = knownByKey[p.key];
      if (view) views.set(view.prospect.id, view);
      return view?.prospect ?? null;
    });
    return { known: { prospects, details: views } as Known, views };
  }, [detected.people, knownByKey]);
  const data: PageData = useMemo(() => ({ viewOf: (id) => views.get(id), settings }), [views, settings]);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);

  const actions: SidebarActions = useMemo(
    () => ({
      addProspect: (person) => run(() => send('prospect.add', newProspectFrom(person, detected))),
      moveStage: (prospect: Prospect, stageId) => run(() => send('stage.move', { prospectId: prospect.id, stageId })),
      updateProspect: (prospect: Prospect, patch) => run(() => send('prospect.update', { id: prospect.id, patch })),
      openRecord: (prospect: Prospect) => run(() => send('record.open', { prospectId: prospect.id })),
      addNote: (prospect: Prospect, text) =>
        run(() =>
          send('touch.log', { prospectId: prospect.id, channel: 'note', direction: 'internal', at: Date.now(), summary: text, url: detected.url }),
        ),
    }),
    [run, detected],
  );

  const { Panel, PersonExtras } = site;
  return (
    <PageDataContext.Provider value={data}>
      {detected.title && <h2 className={CLS.title}>{detected.title}</h2>}
      <HealthSignal detected={detected} />
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      {site.replacesPeopleList?.(detected) ? null : detected.people.length === 0 ? (
        <p className={CLS.empty}>No prospects on this page. Open a conversation or a profile.</p>
      ) : (
        <ul className={CLS.people} aria-label="People on this page">
          {detected.people.map((person) => {
            const view = knownByKey[person.key];
            const prospect = view?.prospect ?? null;
            return (
              <PersonCard
                key={person.key}
                person={person}
                loading={view === undefined}
                prospect={prospect}
                detail={view ?? undefined}
                stages={settings.stages}
                actions={actions}
              >
                {PersonExtras && <PersonExtras detected={detected} person={person} prospect={prospect} actions={actions} />}
              </PersonCard>
            );
          })}
        </ul>
      )}
      {Panel && <Panel detected={detected} known={known} settings={settings} run={run} />}
      <ReportPage detected={detected} />
    </PageDataContext.Provider>
  );
}
