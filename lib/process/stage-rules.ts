import type { Stage } from './stage';

export type MoveDirection = 'forward' | 'backward' | 'same';

export interface MoveCheck {
  direction: MoveDirection;
  /** Labels of exit criteria left unmet by this move (the current stage and any stage skipped). */
  unmet: string[];
  needsReason: boolean;
  needsLossReason: boolean;
}

/**
 * The rules of a move, before it happens. A process guides rather than cages: forward with unmet criteria
 * is allowed with a reason; closing as lost needs a loss reason from the team's list; backward is allowed
 * (and recorded like every move).
 */
export function checkMove(stages: Stage[], fromId: string, toId: string, unmetOf: (stage: Stage) => string[]): MoveCheck {
  const fromIdx = stages.findIndex((s) => s.id === fromId);
  const toIdx = stages.findIndex((s) => s.id === toId);
  const to = stages[toIdx];
  if (!to) throw new Error(`Unknown stage ${toId}`);
  const needsLossReason = to.kind === 'lost' && fromId !== toId;
  if (fromId === toId) return { direction: 'same', unmet: [], needsReason: false, needsLossReason: false };
  // A stage no longer in the process (renamed away) counts as "before everything": any move is forward.
  const direction: MoveDirection = fromIdx === -1 || toIdx > fromIdx ? 'forward' : 'backward';
  if (direction === 'backward' || needsLossReason) return { direction, unmet: [], needsReason: false, needsLossReason };
  // Closing stages (won/lost/retention) are outcomes, not steps: skipping one on the way is not "unmet".
  const passed = stages.slice(Math.max(fromIdx, 0), toIdx).filter((s) => s.kind === 'open');
  const unmet = passed.flatMap((s) => unmetOf(s));
  return { direction, unmet, needsReason: unmet.length > 0, needsLossReason: false };
}
