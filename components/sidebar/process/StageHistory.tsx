import type { StageChange } from '@/lib/model';
import { formatDateTime } from '../../ui/format';

/** The last moves, newest first, with the names the stages had then and the reasons given. */
export function StageHistory({ changes }: { changes: StageChange[] }) {
  const moves = changes.filter((c) => c.from !== null).slice(-3).reverse();
  if (!moves.length) return null;
  return (
    <ul aria-label="Stage history" className="flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-300">
      {moves.map((c) => (
        <li key={c.id}>
          {c.fromName} {'\u2192'} {c.toName} <span className="text-slate-400">{formatDateTime(c.at)}</span>
          {c.lossReason && <div>Loss reason: {c.lossReason}</div>}
          {c.reason && <div className="whitespace-pre-wrap break-words">Reason: {c.reason}</div>}
          {c.unmetCriteria && <div>Unmet then: {c.unmetCriteria.join('; ')}</div>}
        </li>
      ))}
    </ul>
  );
}
