import { useEffect, useId, useRef, useState } from 'react';
import type { Stage } from '@/lib/process/stage';
import type { MoveCheckView } from '@/lib/process/views';

interface Props {
  to: Stage;
  check: MoveCheckView;
  lossReasons: string[];
  onConfirm: (input: { reason?: string; lossReason?: string }) => void;
  onCancel: () => void;
}

/** Asks what the rules need before a move: a reason for unmet criteria, a loss reason when closing as lost. */
export function MoveDialog({ to, check, lossReasons, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [lossReason, setLossReason] = useState('');
  const first = useRef<HTMLElement | null>(null);
  const reasonId = useId();
  const lossId = useId();
  useEffect(() => first.current?.focus(), []);
  const ready = (!check.needsReason || reason.trim()) && (!check.needsLossReason || lossReason);
  const submit = () => ready && onConfirm({ reason: reason.trim() || undefined, lossReason: lossReason || undefined });
  return (
    <div
      role="dialog"
      aria-label={`Move to ${to.name}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      className="flex flex-col gap-1 rounded border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950"
    >
      <div className="font-medium">Move to {to.name}</div>
      {check.unmet.length > 0 && (
        <>
          <div>Not met yet:</div>
          <ul aria-label="Unmet exit criteria" className="list-disc pl-4">
            {check.unmet.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </>
      )}
      {check.needsLossReason && (
        <>
          <label htmlFor={lossId}>Loss reason</label>
          <select
            id={lossId}
            ref={(el) => {
              first.current ??= el;
            }}
            value={lossReason}
            onChange={(e) => setLossReason(e.target.value)}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900"
          >
            <option value="">Choose a reason</option>
            {lossReasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={reasonId}>{check.needsReason ? 'Reason for moving on' : 'Reason (optional)'}</label>
      <textarea
        id={reasonId}
        ref={(el) => {
          first.current ??= el;
        }}
        rows={2}
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
        className="rounded border border-slate-300 bg-white p-1 text-slate-900"
      />
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-2 py-0.5">
          Cancel
        </button>
        <button type="button" onClick={submit} disabled={!ready} className="rounded bg-blue-600 px-2 py-0.5 text-white disabled:opacity-50">
          Move
        </button>
      </div>
    </div>
  );
}
