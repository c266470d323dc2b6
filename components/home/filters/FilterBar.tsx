import { useEffect, useId, useState } from 'react';
import { CAPTURE_SITES } from '@/lib/model/prospect';
import { checkFilter, DEFAULT_FILTER, HOME_SORTS, SORT_LABELS, SOURCE_LABELS, type HomeFilter } from '@/lib/home/filters';
import { filterToQuery } from '@/lib/home/filter-query';
import { useTagsInUse } from './use-home-keys';

const FIELD = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
const BOX = 'flex items-center gap-1 text-sm';

export interface FilterBarProps {
  filter: HomeFilter;
  onChange: (next: HomeFilter) => void;
  /** The team's stages in order (settings.stages); the stage filter offers these. */
  stages: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * The filters the board and the list share: score range, stages, source, tag, follow-up due, no touch for N
 * days, and the sort. Controlled: it shows `filter` and reports every change through `onChange` (pair it
 * with useHomeFilter() to keep it in the URL). A range that cannot match is said in an alert, not refused.
 */
export function FilterBar({ filter, onChange, stages }: FilterBarProps) {
  const tags = useTagsInUse();
  const set = (patch: Partial<HomeFilter>) => onChange({ ...filter, ...patch });
  const toggle = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const problem = checkFilter(filter);
  const sortId = useId();
  const tagId = useId();
  return (
    <div role="group" aria-label="Filters" className="mb-4 flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <NumberField label="Lowest score" value={filter.scoreMin} min={0} max={100} onCommit={(v) => set({ scoreMin: v ?? 0 })} />
        <NumberField label="Highest score" value={filter.scoreMax} min={0} max={100} onCommit={(v) => set({ scoreMax: v ?? 100 })} />
        <details className="relative text-sm">
          <summary className="cursor-pointer select-none">Stages{filter.stageIds.length ? ` (${filter.stageIds.length})` : ''}</summary>
          <fieldset className="absolute z-20 mt-1 flex min-w-48 flex-col gap-1 rounded border border-slate-300 bg-white p-2 shadow dark:border-slate-600 dark:bg-slate-800">
            <legend className="sr-only">Stages</legend>
            {stages.map((s) => (
              <label key={s.id} className={BOX}>
                <input type="checkbox" checked={filter.stageIds.includes(s.id)} onChange={(e) => set({ stageIds: toggle(filter.stageIds, s.id, e.target.checked) })} />
                {s.name}
              </label>
            ))}
          </fieldset>
        </details>
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Source</legend>
          {CAPTURE_SITES.map((site) => (
            <label key={site} className={BOX}>
              <input type="checkbox" checked={filter.sources.includes(site)} onChange={(e) => set({ sources: toggle(filter.sources, site, e.target.checked) })} />
              {SOURCE_LABELS[site]}
            </label>
          ))}
        </fieldset>
        <span className={BOX}>
          <label htmlFor={tagId}>Tag</label>
          <select id={tagId} value={filter.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })} className={FIELD}>
            <option value="">Any tag</option>
            {/* A tag in the URL that no one carries any more stays selectable, so the view says why it is empty. */}
            {[...new Set([...(filter.tag ? [filter.tag] : []), ...tags])].map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </span>
        <label className={BOX}>
          <input type="checkbox" checked={filter.followUpDue} onChange={(e) => set({ followUpDue: e.target.checked })} />
          Follow-up due
        </label>
        <NumberField label="No touch for (days)" value={filter.noTouchDays} min={1} max={3650} placeholder="any" onCommit={(v) => set({ noTouchDays: v })} />
        <span className={BOX}>
          <label htmlFor={sortId}>Sort by</label>
          <select id={sortId} value={filter.sort} onChange={(e) => set({ sort: e.target.value as HomeFilter['sort'] })} className={FIELD}>
            {HOME_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </span>
        {filterToQuery(filter) !== '' && (
          <button type="button" onClick={() => onChange(DEFAULT_FILTER)} className="text-sm underline">
            Clear filters
          </button>
        )}
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * A whole number typed freely: the draft is kept while it is not a valid value (an empty box, "1" on the way
 * to "15"), and committed as soon as it is one. Empty commits undefined (the caller's default).
 */
function NumberField(props: { label: string; value: number | undefined; min: number; max: number; placeholder?: string; onCommit: (v: number | undefined) => void }) {
  const { label, value, min, max, placeholder, onCommit } = props;
  const id = useId();
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  // The URL changed under us (back, Clear filters): show it.
  useEffect(() => setDraft((d) => (d.trim() !== '' && Number(d) === value) || (d.trim() === '' && value === undefined) ? d : value === undefined ? '' : String(value)), [value]);
  return (
    <span className={BOX}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === '') return onCommit(undefined);
          const n = Number(text);
          if (Number.isInteger(n) && n >= min && n <= max) onCommit(n);
        }}
        className={`${FIELD} w-16`}
      />
    </span>
  );
}
