import { useEffect, useId, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { getDb } from '@/lib/db/database';
import { recordPath } from '@/lib/home/record-path';
import { searchProspects } from '@/lib/search/search';
import { navigate } from '../router';
import { useSettingsLive } from '../record/use-settings-live';
import { SearchResults } from './SearchResults';
import { useSearch } from './use-search';

/**
 * The search box at the top of every home view (the shell focuses `inputRef` on `/`): an editable combobox
 * whose listbox shows the people matching what is typed, as it is typed. Arrow keys move through them, Enter
 * opens the chosen one's record, Escape clears the box.
 */
export function SearchBox({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const typedAt = useRef(0);
  const [answer, search] = useSearch();
  const { settings } = useSettingsLive();
  const listId = useId();
  const fresh = answer?.query === text ? answer : undefined;
  const hits = answer?.hits ?? [];
  const shown = open && text.trim() !== '' && answer !== undefined && answer.query.trim() !== '';

  // A new answer starts again at its best hit.
  useEffect(() => setActive(0), [answer]);
  // Keystroke to results drawn, for the bench (bench/suites/home-list.ts reads these measures).
  useLayoutEffect(() => {
    if (!fresh || !typedAt.current) return;
    const start = typedAt.current;
    typedAt.current = 0;
    requestAnimationFrame(() => performance.measure('touchline:search', { start, end: performance.now() }));
  }, [fresh]);

  const openRecord = (id: string) => {
    setText('');
    search('');
    setOpen(false);
    navigate(recordPath(id));
  };
  const enter = async () => {
    if (fresh) {
      const hit = fresh.hits[active];
      if (hit) openRecord(hit.id);
      return;
    }
    // Enter pressed before the newest keystroke was searched: search it now and open the best hit.
    const [best] = await searchProspects(getDb(), text, 1);
    if (best) openRecord(best.id);
  };

  return (
    <div className="relative">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search prospects"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Search (press /)"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={text}
        onChange={(e) => {
          typedAt.current = e.nativeEvent.timeStamp;
          setText(e.target.value);
          search(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            if (hits.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void enter();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setText('');
            search('');
            setOpen(false);
          }
        }}
        className="w-72 rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      <SearchResults
        id={listId}
        shown={shown}
        query={answer?.query ?? ''}
        hits={hits}
        active={active}
        stages={settings?.stages ?? []}
        onHover={setActive}
        onPick={openRecord}
      />
    </div>
  );
}
