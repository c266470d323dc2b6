import { createPortal } from 'react-dom';
import { MoveDialog } from '@/components/sidebar/process/MoveDialog';
import type { AskingMove } from './use-board-move';

/**
 * The sidebar's MoveDialog (a reason for unmet exit criteria, a loss reason for lost), over the board: the
 * card already shows in its new column behind it, and goes back if the rep cancels.
 */
export function MoveAsk({ asking, lossReasons, onConfirm, onCancel }: {
  asking: AskingMove;
  lossReasons: string[];
  onConfirm: (input: { reason?: string; lossReason?: string }) => void;
  onCancel: () => void;
}) {
  return createPortal(
    <div className="fixed inset-0 z-40 flex items-start justify-center bg-slate-900/30 pt-24">
      <div className="w-96 text-sm">
        <p className="mb-1 rounded bg-white px-2 py-1 font-medium text-slate-900 dark:bg-slate-800 dark:text-slate-100">{asking.name}</p>
        <MoveDialog to={asking.stage} check={asking.check} lossReasons={lossReasons} onConfirm={onConfirm} onCancel={onCancel} />
      </div>
    </div>,
    document.body,
  );
}
