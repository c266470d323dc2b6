import { useState, type FormEvent } from 'react';
import { send } from '@/lib/messaging/client';
import type { Prospect, ProspectPatch } from '@/lib/model';
import { BUTTON, ErrorLine, Section, TextField } from './fields';
import { useAction } from '../../ui/use-action';

type TextKey = 'name' | 'title' | 'company' | 'headline' | 'phone' | 'location';
const TEXT_FIELDS: Array<{ key: TextKey; label: string; max: number }> = [
  { key: 'name', label: 'Name', max: 300 },
  { key: 'title', label: 'Title', max: 300 },
  { key: 'company', label: 'Company', max: 300 },
  { key: 'headline', label: 'Headline', max: 500 },
  { key: 'phone', label: 'Phone', max: 60 },
  { key: 'location', label: 'Location', max: 300 },
];

const tagsText = (tags: string[]) => tags.join(', ');
const parseTags = (text: string) => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];

/**
 * The person's details. Only fields the rep has typed in are kept as a draft; every other field shows the
 * stored value live, so a change made elsewhere (the sidebar, a sync) is never hidden or overwritten.
 */
export function DetailsForm({ prospect }: { prospect: Prospect }) {
  const [draft, setDraft] = useState<Partial<Record<TextKey | 'tags', string>>>({});
  const { error, run } = useAction();
  const shown = (k: TextKey | 'tags') => draft[k] ?? (k === 'tags' ? tagsText(prospect.tags) : (prospect[k] ?? ''));
  const dirty = Object.keys(draft).length > 0;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty) return;
    const patch: ProspectPatch = {};
    for (const { key } of TEXT_FIELDS) {
      const v = draft[key];
      if (v === undefined) continue;
      // A cleared field is saved empty: JSON drops undefined, so "removed" would never reach the background.
      patch[key] = v.trim();
    }
    if (draft.tags !== undefined) patch.tags = parseTags(draft.tags);
    if ('name' in patch && !patch.name) return void run(async () => Promise.reject(new Error('A prospect needs a name.')));
    if (await run(() => send('prospect.update', { id: prospect.id, patch }))) setDraft({});
  };
  return (
    <Section title="Details">
      <form onSubmit={(e) => void save(e)} aria-label="Details" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {TEXT_FIELDS.map(({ key, label, max }) => (
          <TextField key={key} label={label} maxLength={max} value={shown(key)} onChange={(v) => setDraft((d) => ({ ...d, [key]: v }))} />
        ))}
        <div className="sm:col-span-2">
          <TextField label="Tags" hint="Separated by commas" value={shown('tags')} onChange={(v) => setDraft((d) => ({ ...d, tags: v }))} />
        </div>
        <div className="flex items-center gap-2 sm:col-span-2">
          <button type="submit" disabled={!dirty} className={BUTTON}>
            Save details
          </button>
          {dirty && (
            <button type="button" onClick={() => setDraft({})} className="text-sm underline">
              Discard changes
            </button>
          )}
        </div>
        <div className="sm:col-span-2">
          <ErrorLine error={error} />
        </div>
      </form>
    </Section>
  );
}
