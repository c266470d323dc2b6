import { useEffect, useRef, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Prospect, StageChange } from '@/lib/model';
import type { Stage } from '@/lib/process/stage';
import type { MoveCheckView } from '@/lib/process/views';
import { StagePicker } from '../StagePicker';
import { CadencePanel } from './CadencePanel';
import { ExitChecklist } from './ExitChecklist';
import { MoveDialog } from './MoveDialog';
import { QualificationEditor } from './QualificationEditor';
import { ScoreSummary } from './ScoreSummary';
import { StageHistory } from './StageHistory';
import { useProcess } from './use-process';

interface Props {
  prospect: Prospect;
  stages: Stage[];
  /** The newest touch's id: when it changes, the panel offers to set the next step. */
  lastTouchId?: string;
  history?: StageChange[];
}

/** The sales process for one known prospect: stage moves by the rules, score, criteria, qualification, follow-ups. */
export function ProcessPanel({ prospect, stages, lastTouchId, history = [] }: Props) {
  const { value, error, run } = useProcess(prospect.id);
  const [pending, setPending] = useState<{ to: Stage; check: MoveCheckView }>();
  const [offerNextStep, setOfferNextStep] = useState(false);
  const seenTouch = useRef(lastTouchId);
  useEffect(() => {
    if (lastTouchId && lastTouchId !== seenTouch.current) {
      setOfferNextStep(true);
    }
    seenTouch.current = lastTouchId;
  }, [lastTouchId]);

  const requestMove = async (stageId: string) => {
    const to = stages.find((s) => s.id === stageId);
    if (!to) return;
    let check: MoveCheckView | undefined;
    const ok = await run(async () => {
      check = await send('stage.preview', { prospectId: prospect.id, stageId });
    });
    if (!ok || !check) return;
    if (check.needsReason || check.needsLossReason) setPending({ to, check });
    else await run(() => send('stage.move', { prospectId: prospect.id, stageId }));
  };

  const stage = stages.find((s) => s.id === prospect.stageId);
  return (
    <div className="flex flex-col gap-2">
      <StagePicker stages={stages} value={prospect.stageId} disabled={!!pending} onChange={(id) => void requestMove(id)} />
      {pending && value && (
        <MoveDialog
          to={pending.to}
          check={pending.check}
          lossReasons={value.settings.lossReasons}
          onCancel={() => setPending(undefined)}
          onConfirm={async (input) => {
            if (await run(() => send('stage.move', { prospectId: prospect.id, stageId: pending.to.id, ...input }))) setPending(undefined);
          }}
        />
      )}
      <StageHistory changes={history} />
      {error && (
        <p role="alert" className="rounded bg-red-50 p-1.5 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      {value && (
        <>
          <ScoreSummary score={value.view.score} />
          {stage && value.view.stageId === prospect.stageId && (
            <ExitChecklist
              stageName={stage.name}
              criteria={value.view.criteria}
              onTick={(criterionId, ticked) => void run(() => send('criteria.tick', { prospectId: prospect.id, stageId: stage.id, criterionId, ticked }))}
            />
          )}
          <QualificationEditor
            prospect={prospect}
            framework={value.settings.framework}
            onAnswer={(questionId, answer) => void run(() => send('qualification.set', { prospectId: prospect.id, questionId, answer }))}
          />
          {offerNextStep && (
            <p className="text-xs text-blue-800 dark:text-blue-200">
              Touch logged. Set the next step and its follow-up date below.
            </p>
          )}
          <CadencePanel
            cadences={value.settings.cadences}
            runs={value.view.runs}
            tasks={value.view.tasks}
            onStart={(cadenceId) => void run(() => send('cadence.start', { prospectId: prospect.id, cadenceId, url: location.href }))}
            onResume={(runId) => void run(() => send('cadence.resume', { runId }))}
            onDone={(taskId) => void run(() => send('task.done', { taskId }))}
          />
        </>
      )}
    </div>
  );
}
