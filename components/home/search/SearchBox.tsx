import type { Ref } from 'react';

/**
 * The search box at the top of every home view. A placeholder: the search work replaces this file (same
 * export and props). The shell focuses `inputRef` when the rep presses `/`.
 */
export function SearchBox({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  return (
    <input
      ref={inputRef}
      type="search"
      aria-label="Search prospects"
      placeholder="Search (press /)"
      className="w-64 rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
    />
  );
}
