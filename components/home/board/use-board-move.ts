import { useCallback, useEffect, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { HomeKeys } from '@/lib/home/filters';
import { settledMoves, type PendingMove } from '@/lib/home/board';
import type { Stage } from '@/lib/process/stage';
import type { MoveCheckView } from '@/lib/process/views';

export interface MoveRequest {
  id: string;
  name: string;
  from: string;
  to: string;
}

/** A move waiting for what the rules ask (a reason for unmet criteria, a loss reason for lost). */
export interface AskingMove extends MoveRequest {
  stage: Stage;
  check: MoveCheckView;
}

/**
 * Moving cards by the sidebar's rules (StageSection does the same on the record): the background previews
 * the move, MoveDialog asks for what it needs, then `stage.move` records it as a StageChange. The card moves
 * at once (an optimistic entry in `moves`), is put back if the rep cancels or the move fails, and the entry
 * is forgotten once the live keys show the card where it went.
 */
export function useBoardMove(stages: Stage[] | undefined, keys: HomeKeys | undefined) {
  const [moves, setMoves] = useState<ReadonlyMap<string, PendingMove>>(new Map());
  const [asking, setAsking] = useState<AskingMove>();
  const [error, setError] = useState<string>();
  /** The card focus should follow (it moved by keyboard, or its dialog closed), and the column it is in. */
  const [focus, setFocus] = useState<{ id: string; stageId: string }>();

  const edit = useCallback((f: (m: Map<string, PendingMove>) => void) => setMoves((prev) => {
    const next = new Map(prev);
    f(next);
    return next;
  }), []);
  const revert = useCallback((id: string) => edit((m) => m.delete(id)), [edit]);
  const settle = useCallback((id: string) => edit((m) => {
    const cur = m.get(id);
    if (cur) m.set(id, { ...cur, settled: true });
  }), [edit]);

  useEffect(() => {
    if (!keys) return;
    const done = settledMoves(keys, moves);
    if (done.length) edit((m) => done.forEach((id) => m.delete(id)));
  }, [keys, moves, edit]);

  const fail = useCallback((id: string, err: unknown) => {
    revert(id);
    setError((err as Error).message);
  }, [revert]);

  const request = useCallback(async (req: MoveRequest, opts: { followFocus?: boolean } = {}) => {
    const stage = stages?.find((s) => s.id === req.to);
    if (!stage || req.from === req.to) return;
    setError(undefined);
    edit((m) => m.set(req.id, { from: req.from, to: req.to, settled: false }));
    if (opts.followFocus) setFocus({ id: req.id, stageId: req.to });
    try {
      const check = await send('stage.preview', { prospectId: req.id, stageId: req.to });
      if (check.needsReason || check.needsLossReason) return setAsking({ ...req, stage, check });
      await send('stage.move', { prospectId: req.id, stageId: req.to });
      settle(req.id);
    } catch (err) {
      fail(req.id, err);
    }
  }, [stages, edit, settle, fail]);

  const confirm = useCallback(async (input: { reason?: string; lossReason?: string }) => {
    if (!asking) return;
    setAsking(undefined);
    setFocus({ id: asking.id, stageId: asking.to });
    try {
      await send('stage.move', { prospectId: asking.id, stageId: asking.to, ...input });
      settle(asking.id);
    } catch (err) {
      fail(asking.id, err);
    }
  }, [asking, settle, fail]);

  const cancel = useCallback(() => {
    if (!asking) return;
    revert(asking.id);
    setAsking(undefined);
    setFocus({ id: asking.id, stageId: asking.from });
  }, [asking, revert]);

  const focused = useCallback(() => setFocus(undefined), []);
  return { moves, asking, error, focus, request, confirm, cancel, focused, dismissError: () => setError(undefined) };
}
