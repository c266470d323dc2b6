import type { Prospect } from '@/lib/model';
import type { Stage } from '@/lib/process/stage';

interface Props {
  id: string;
  shown: boolean;
  /** The text the hits answer (shown in the "nobody" line). */
  query: string;
  hits: Prospect[];
  active: number;
  stages: Stage[];
  onHover: (index: number) => void;
  onPick: (prospectId: string) => void;
}

/**
 * The search box's listbox: name, company and stage of each hit. Everything a prospect holds is rendered as
 * text (React text nodes), whatever a page or an import put in it.
 */
export function SearchResults({ id, shown, query, hits, active, stages, onHover, onPick }: Props) {
  const stageName = (stageId: string) => stages.find((s) => s.id === stageId)?.name ?? stageId;
  return (
    <>
      <ul
        id={id}
        role="listbox"
        aria-label="Search results"
        hidden={!shown || hits.length === 0}
        data-query={query}
        className="absolute right-0 z-20 mt-1 w-96 overflow-hidden rounded border border-slate-200 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-800"
      >
        {hits.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown would blur the box (and close the list) before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && onHover(i)}
            onClick={() => onPick(p.id)}
            className={`flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm ${i === active ? 'bg-blue-50 dark:bg-slate-700' : ''}`}
          >
            <span className="truncate font-medium">{p.name}</span>
            {p.company && <span className="truncate text-slate-500 dark:text-slate-400">{p.company}</span>}
            <span className="ml-auto shrink-0 rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">{stageName(p.stageId)}</span>
          </li>
        ))}
      </ul>
      {shown && hits.length === 0 && (
        <p role="status" className="absolute right-0 z-20 mt-1 w-96 rounded border border-slate-200 bg-white px-3 py-1.5 text-sm text-slate-500 shadow-lg dark:border-slate-600 dark:bg-slate-800">
          Nobody matches “{query}”.
        </p>
      )}
    </>
  );
}
