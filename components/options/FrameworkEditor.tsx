import { useId } from 'react';
import { PRESET_FRAMEWORKS, type Framework } from '@/lib/process/frameworks';
import { inputClass, LinesField, slug } from './fields';

/** BANT, MEDDIC or the team's own questions (one per line). */
export function FrameworkEditor({ framework, onChange }: { framework: Framework; onChange: (f: Framework) => void }) {
  const id = useId();
  const preset = PRESET_FRAMEWORKS.find((p) => p.id === framework.id);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          Framework
        </label>
        <select
          id={id}
          value={preset ? preset.id : 'custom'}
          onChange={(e) => {
            const next = PRESET_FRAMEWORKS.find((p) => p.id === e.target.value);
            onChange(next ?? { id: 'custom', name: 'Our questions', questions: framework.questions });
          }}
          className={inputClass}
        >
          {PRESET_FRAMEWORKS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value="custom">Our own</option>
        </select>
      </div>
      {!preset && (
        <LinesField
          label="Questions"
          hint="One per line. Answers are kept under each question; renaming one starts it fresh."
          value={framework.questions.map((q) => q.label)}
          onChange={(labels) => {
            const taken = new Set<string>();
            const questions = labels.map((label) => {
              const kept = framework.questions.find((q) => q.label === label && !taken.has(q.id));
              if (kept) taken.add(kept.id);
              return kept ?? { id: slug(label, taken), label: label.slice(0, 80) };
            });
            onChange({ ...framework, questions });
          }}
        />
      )}
      {preset && (
        <ul className="list-disc pl-5 text-sm">
          {preset.questions.map((q) => (
            <li key={q.id}>
              {q.label} <span className="text-slate-500">({q.hint})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
