import { useCallback, useEffect, useMemo, useState } from 'react';
import { matchingRanked, type HomeSort } from '@/lib/home/filters';
import { FilterBar, useHomeFilter, useHomeKeys, useNow } from '../filters';
import { useSettingsLive } from '../record/use-settings-live';
import { lastStages, rememberStages, type StageOutline } from '../board/last-stages';
import { BulkBar } from './BulkBar';
import { ListTable } from './ListTable';
import { useSelection } from './use-selection';

/**
 * The list view (dashboard.html#/list): every prospect the shared filters keep, in the chosen sort (the
 * filter's, in the URL), virtualised; multi-select and bulk actions on the selection. It reads index keys
 * for the order and only the visible rows (see ListTable), all as live queries.
 */
export function ListPage() {
  // The bench's "first render": from this view starting to its first rows drawn with their data.
  useState(() => performance.mark('touchline:list-start'));
  const { settings, error } = useSettingsLive();
  const [filter, setFilter] = useHomeFilter();
  const now = useNow();
  // As on the board: the stages drawn last time start the key reads while the settings are still being read.
  const [remembered] = useState(lastStages);
  const stages: StageOutline[] | undefined = settings?.stages ?? remembered;
  useEffect(() => {
    if (settings) rememberStages(settings.stages);
  }, [settings]);
  const stageIds = useMemo(() => stages?.map((s) => s.id), [stages]);
  const keys = useHomeKeys(filter, stageIds, now);
  const ranked = useMemo(() => (keys && stageIds ? matchingRanked(keys, filter, stageIds) : undefined), [keys, filter, stageIds]);
  const ids = ranked?.ids;
  const selection = useSelection(ids ?? []);
  const [notice, setNotice] = useState<string>();
  const onSort = useCallback((sort: HomeSort) => setFilter({ ...filter, sort }), [filter, setFilter]);
  const onFirstRows = useCallback(() => requestAnimationFrame(() => performance.mark('touchline:list-ready')), []);
  useEffect(() => () => performance.clearMarks('touchline:list-start'), []);

  if (error) return <p role="alert">{error}</p>;
  if (!stages) return <p role="status">Loading…</p>;
  return (
    <>
      <FilterBar filter={filter} onChange={setFilter} stages={stages} />
      <p className="mb-2 text-sm text-slate-500" role="status" aria-live="polite">
        {ids ? `${ids.length.toLocaleString()} ${ids.length === 1 ? 'prospect' : 'prospects'}` : 'Loading…'}
      </p>
      {notice && selection.ids.length === 0 && (
        <p role="status" className="mb-2 text-sm">
          {notice}
        </p>
      )}
      {selection.ids.length > 0 && settings && <BulkBar selection={selection} settings={settings} onMoved={setNotice} />}
      {ranked && ids && <ListTable ids={ids} scores={ranked.scores} stages={stages} now={now} selection={selection} sort={filter.sort} onSort={onSort} onFirstRows={onFirstRows} />}
    </>
  );
}
