import { useEffect, useState } from 'react';
import type { Prospect, QualificationAnswer } from '@/lib/model';
import { ANSWER_LABELS, ANSWER_STATES } from '@/lib/process/answer-labels';
import type { Framework } from '@/lib/process/frameworks';

interface Props {
  prospect: Prospect;
  framework: Framework;
  onAnswer: (questionId: string, answer: QualificationAnswer) => void;
}

/** One row per question: a state (native select, so arrows and type-to-find work) and a short note. */
export function QualificationEditor({ prospect, framework, onAnswer }: Props) {
  return (
    <fieldset className="flex flex-col gap-1 text-xs">
      <legend className="mb-0.5 text-slate-600 dark:text-slate-300">Qualification ({framework.name})</legend>
      {framework.questions.map((q) => (
        <QuestionRow key={q.id} label={q.label} hint={q.hint} answer={prospect.qualification[q.id]} onAnswer={(a) => onAnswer(q.id, a)} />
      ))}
    </fieldset>
  );
}

function QuestionRow({ label, hint, answer, onAnswer }: { label: string; hint?: string; answer?: QualificationAnswer; onAnswer: (a: QualificationAnswer) => void }) {
  // Local state first, so quick arrow presses walk the options while the background catches up.
  const [state, setState] = useState<QualificationAnswer['state']>(answer?.state ?? 'unknown');
  useEffect(() => setState(answer?.state ?? 'unknown'), [answer?.state]);
  const [note, setNote] = useState(answer?.note ?? '');
  useEffect(() => setNote(answer?.note ?? ''), [answer?.note]);
  const saveNote = () => {
    if ((answer?.note ?? '') !== note.trim()) onAnswer({ state, note: note.trim() || undefined });
  };
  return (
    <div className="grid grid-cols-[5.5rem_6.5rem_1fr] items-center gap-1" title={hint}>
      <span className="truncate">{label}</span>
      <select
        aria-label={label}
        value={state}
        onChange={(e) => {
          const next = e.target.value as QualificationAnswer['state'];
          setState(next);
          onAnswer({ state: next, note: note.trim() || undefined });
        }}
        className={`rounded border border-slate-300 bg-white px-0.5 py-0.5 text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 ${state === 'disqualifying' ? 'text-red-700' : ''}`}
      >
        {ANSWER_STATES.map((s) => (
          <option key={s} value={s}>
            {ANSWER_LABELS[s]}
          </option>
        ))}
      </select>
      <input
        aria-label={`${label} detail`}
        value={note}
        maxLength={2000}
        placeholder="Details"
        onChange={(e) => setNote(e.target.value)}
        onBlur={saveNote}
        onKeyDown={(e) => {
          if (e.key === 'Enter') saveNote();
        }}
        className="min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      />
    </div>
  );
}
