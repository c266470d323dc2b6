import { useId, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Prospect } from '@/lib/model';
import type { Stage } from '@/lib/process/stage';
import type { MoveCheckView } from '@/lib/process/views';
import { MoveDialog } from '@/components/sidebar/process/MoveDialog';
import { formatDate } from '@/components/ui/format';
import { ErrorLine, SELECT } from './fields';
import { useAction } from '../../ui/use-action';

/**
 * The stage, moved by the same rules as the sidebar: the background previews the move, and unmet exit
 * criteria ask for a reason, closing as lost for a loss reason, before it moves and records the change.
 */
export function StageSection({ prospect, stages, lossReasons }: { prospect: Prospect; stages: Stage[]; lossReasons: string[] }) {
  const [pending, setPending] = useState<{ to: Stage; check: MoveCheckView }>();
  const { error, run } = useAction();
  const id = useId();
  const requestMove = async (stageId: string) => {
    const to = stages.find((s) => s.id === stageId);
    if (!to) return;
    let check: MoveCheckView | undefined;
    if (!(await run(async () => (check = await send('stage.preview', { prospectId: prospect.id, stageId }))))) return;
    if (check!.needsReason || check!.needsLossReason) setPending({ to, check: check! });
    else await run(() => send('stage.move', { prospectId: prospect.id, stageId }));
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          Stage
        </label>
        <select id={id} value={prospect.stageId} disabled={!!pending} onChange={(e) => void requestMove(e.target.value)} className={SELECT}>
          {!stages.some((s) => s.id === prospect.stageId) && <option value={prospect.stageId}>{prospect.stageId} (no longer a stage)</option>}
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-500">since {formatDate(prospect.stageEnteredAt)}</span>
      </div>
      {pending && (
        <MoveDialog
          to={pending.to}
          check={pending.check}
          lossReasons={lossReasons}
          onCancel={() => setPending(undefined)}
          onConfirm={async (input) => {
            if (await run(() => send('stage.move', { prospectId: prospect.id, stageId: pending.to.id, ...input }))) setPending(undefined);
          }}
        />
      )}
      <ErrorLine error={error} />
    </div>
  );
}
