import { memo } from 'react';
import { recordPath } from '@/lib/home/record-path';
import type { StageOutline } from '../board/last-stages';
import { formatDate } from '@/components/ui/format';
import { hrefTo } from '../router';
import type { ListRow } from './use-visible-rows';
import { ROW_HEIGHT } from './list-size';

export { ROW_HEIGHT } from './list-size';

const TD = 'truncate px-2';

interface Props {
  id: string;
  index: number;
  /** Undefined while its block is being read. */
  row: ListRow | undefined;
  score: number | undefined;
  stages: StageOutline[];
  now: number;
  selected: boolean;
  onToggle: (index: number, on: boolean, range: boolean) => void;
}

/** One prospect in the list; every field is rendered as text. Memoised: scrolling renders only new rows. */
export const ListRowView = memo(function ListRowView({ id, index, row, score, stages, now, selected, onToggle }: Props) {
  const p = row?.prospect;
  const stage = p && (stages.find((s) => s.id === p.stageId)?.name ?? p.stageId);
  const overdue = p?.followUpAt !== undefined && p.followUpAt < now;
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={id}
      style={{ height: ROW_HEIGHT }}
      className={`border-b border-slate-100 dark:border-slate-800 ${selected ? 'bg-blue-50 dark:bg-slate-800' : ''}`}
    >
      <td className="px-2">
        <input
          type="checkbox"
          aria-label={`Select ${p?.name ?? id}`}
          checked={selected}
          onChange={(e) => onToggle(index, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey === true)}
        />
      </td>
      <td className={`${TD} font-medium`}>
        {p ? (
          <a href={hrefTo(recordPath(id))} className="hover:underline">
            {p.name}
          </a>
        ) : (
          <span className="text-slate-400">…</span>
        )}
      </td>
      <td className={`${TD} text-slate-600 dark:text-slate-300`}>{p ? (p.emails[0] ?? p.linkedinUrl ?? '') : ''}</td>
      <td className={TD}>{p?.company}</td>
      <td className={TD}>{stage}</td>
      <td className={`${TD} tabular-nums`}>{p ? (score ?? '–') : ''}</td>
      <td className={`${TD} tabular-nums text-slate-600 dark:text-slate-300`}>{row?.lastTouchAt ? formatDate(row.lastTouchAt) : ''}</td>
      <td className={TD}>
        {p?.followUpAt !== undefined && <span className={`tabular-nums ${overdue ? 'font-medium text-red-700 dark:text-red-400' : ''}`}>{formatDate(p.followUpAt)} </span>}
        <span className="text-slate-600 dark:text-slate-300">{p?.nextStep}</span>
      </td>
    </tr>
  );
});
