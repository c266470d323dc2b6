import { useId, useState } from 'react';

interface Props {
  onSave: (text: string) => Promise<void>;
}

/** Ctrl/Cmd+Enter saves, as in Gmail's own compose. */
export function NoteForm({ onSave }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const save = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      await onSave(text.trim());
      setText('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-slate-600 dark:text-slate-300">
        Note
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
        }}
        className="rounded border border-slate-300 bg-white p-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      />
      <button
        type="button"
        onClick={() => void save()}
        disabled={busy || !text.trim()}
        className="self-end rounded bg-slate-700 px-2 py-0.5 text-xs text-white disabled:opacity-50 dark:bg-slate-500"
      >
        Add note
      </button>
    </div>
  );
}
