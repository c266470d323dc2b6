import { send } from '@/lib/messaging/client';
import type { Prospect } from '@/lib/model';
import type { ProcessView } from '@/lib/process/views';
import type { Settings } from '@/lib/settings/settings';
import { CadencePanel } from '@/components/sidebar/process/CadencePanel';
import { ExitChecklist } from '@/components/sidebar/process/ExitChecklist';
import { QualificationEditor } from '@/components/sidebar/process/QualificationEditor';
import { ScoreSummary } from '@/components/sidebar/process/ScoreSummary';
import { ErrorLine, Section } from './fields';
import { useAction } from '../../ui/use-action';

/** Score with its "why", the current stage's exit criteria, qualification, cadences and open tasks. */
export function ProcessSection({ prospect, view, settings }: { prospect: Prospect; view: ProcessView; settings: Settings }) {
  const { error, run } = useAction();
  const stage = settings.stages.find((s) => s.id === prospect.stageId);
  return (
    <>
      <Section title="Score and exit criteria">
        <ScoreSummary score={view.score} />
        {stage && view.stageId === prospect.stageId && (
          <ExitChecklist
            stageName={stage.name}
            criteria={view.criteria}
            onTick={(criterionId, ticked) => void run(() => send('criteria.tick', { prospectId: prospect.id, stageId: stage.id, criterionId, ticked }))}
          />
        )}
      </Section>
      <Section title="Qualification">
        <QualificationEditor
          prospect={prospect}
          framework={settings.framework}
          onAnswer={(questionId, answer) => void run(() => send('qualification.set', { prospectId: prospect.id, questionId, answer }))}
        />
      </Section>
      <Section title="Cadences and tasks">
        <CadencePanel
          cadences={settings.cadences}
          runs={view.runs}
          tasks={view.tasks}
          onStart={(cadenceId) => void run(() => send('cadence.start', { prospectId: prospect.id, cadenceId }))}
          onResume={(runId) => void run(() => send('cadence.resume', { runId }))}
          onDone={(taskId) => void run(() => send('task.done', { taskId }))}
        />
        {!view.tasks.length && <p className="text-xs text-slate-500">No open tasks.</p>}
      </Section>
      <ErrorLine error={error} />
    </>
  );
}
