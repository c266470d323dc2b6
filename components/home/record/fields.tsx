import { useId, type ReactNode } from 'react';
import { INPUT, SECTION } from './classes';

export { BUTTON, INPUT, QUIET_BUTTON, SELECT } from './classes';

/** A labelled input; the label is the accessible name tests and screen readers use. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'date' | 'number' | 'url';
  maxLength?: number;
  hint?: ReactNode;
  min?: number;
  step?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-slate-600 dark:text-slate-300">
        {props.label}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        maxLength={props.maxLength}
        min={props.min}
        step={props.step}
        onChange={(e) => props.onChange(e.target.value)}
        className={INPUT}
      />
      {props.hint && <span className="text-xs text-slate-500">{props.hint}</span>}
    </div>
  );
}

export function Section({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`${SECTION} ${className}`}>
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function ErrorLine({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded bg-red-50 p-1.5 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {error}
    </p>
  );
}
