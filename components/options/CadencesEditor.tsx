import { useEffect, useId, useState } from 'react';
import { TASK_KINDS } from '@/lib/model';
import type { Cadence, CadenceStep } from '@/lib/process/cadence';
import { inputClass, slug } from './fields';

/** "2 linkedin-message Say hello" -> a step, or a message saying what is wrong with the line. */
export function parseSteps(text: string): { steps: CadenceStep[]; problem?: string } {
  const steps: CadenceStep[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const m = /^(\d+)\s+(\S+)\s+(.+)$/.exec(line);
    if (!m) return { steps, problem: `line ${i + 1}: write "day kind title", e.g. "2 call Check in"` };
    const kind = m[2] as CadenceStep['kind'];
    if (!TASK_KINDS.includes(kind)) return { steps, problem: `line ${i + 1}: "${m[2]}" is not one of ${TASK_KINDS.join(', ')}` };
    steps.push({ day: Number(m[1]), kind, title: m[3]! });
  }
  return { steps };
}

const stepsText = (c: Cadence) => c.steps.map((s) => `${s.day} ${s.kind} ${s.title}`).join('\n');

interface Props {
  cadences: Cadence[];
  onChange: (c: Cadence[]) => void;
  onProblem: (key: string, problem: string | undefined) => void;
}

export function CadencesEditor({ cadences, onChange, onProblem }: Props) {
  return (
    <div className="flex flex-col gap-2">
      {cadences.map((c, i) => (
        <CadenceRow
          key={c.id}
          cadence={c}
          onChange={(next) => onChange(cadences.map((x, j) => (j === i ? next : x)))}
          onRemove={() => {
            onProblem(`cadence:${c.id}`, undefined);
            onChange(cadences.filter((_, j) => j !== i));
          }}
          onProblem={(p) => onProblem(`cadence:${c.id}`, p && `Cadence "${c.name}", ${p}`)}
        />
      ))}
      <button
        type="button"
        className="self-start rounded border px-2 py-0.5 text-sm"
        onClick={() =>
          onChange([...cadences, { id: slug('cadence', new Set(cadences.map((c) => c.id))), name: `Cadence ${cadences.length + 1}`, steps: [{ day: 0, kind: 'email', title: 'First email' }] }])
        }
      >
        Add cadence
      </button>
    </div>
  );
}

function CadenceRow({ cadence, onChange, onRemove, onProblem }: { cadence: Cadence; onChange: (c: Cadence) => void; onRemove: () => void; onProblem: (p: string | undefined) => void }) {
  const [text, setText] = useState(stepsText(cadence));
  const [problem, setProblem] = useState<string>();
  const stepsId = useId();
  useEffect(() => onProblem(problem), [problem]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="flex flex-col gap-1 rounded border border-slate-100 p-2">
      <div className="flex items-center gap-2">
        <input aria-label="Cadence name" value={cadence.name} onChange={(e) => onChange({ ...cadence, name: e.target.value })} className={`${inputClass} flex-1`} />
        <button type="button" aria-label={`Remove cadence ${cadence.name}`} onClick={onRemove} className="rounded border px-1 text-xs">
          Remove
        </button>
      </div>
      <label htmlFor={stepsId} className="text-sm">
        Steps of {cadence.name} <span className="text-xs text-slate-500">(one per line: day kind title; kinds: {TASK_KINDS.join(', ')})</span>
      </label>
      <textarea
        id={stepsId}
        rows={Math.max(3, cadence.steps.length)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseSteps(e.target.value);
          setProblem(parsed.problem);
          if (!parsed.problem) onChange({ ...cadence, steps: parsed.steps });
        }}
        className={`${inputClass} font-mono`}
      />
      {problem && <span className="text-xs text-red-700">{problem}</span>}
    </div>
  );
}
