import { ROUTE_TABLE } from '../route-table';
import { SHELL } from '../shell-classes';
import { el } from './dom';

/** search/SearchBox.tsx's box (its classes, role and labels): the early paint's box is that one, not yet live. */
const SEARCH_INPUT = 'w-72 rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/**
 * The shell as Shell.tsx draws it (navigation, search box, the view's heading), around `view`. The search
 * box takes typing before React is in; takeover.ts hands what was typed to the live box.
 */
export function earlyShell(current: string, title: string, view: Node): HTMLElement {
  const nav = el('nav', { 'aria-label': 'Pages', className: SHELL.nav });
  for (const r of ROUTE_TABLE) {
    if (!('nav' in r)) continue;
    const here = r.pattern === current;
    nav.append(el('a', { href: `#${r.pattern}`, 'aria-current': here ? 'page' : undefined, className: SHELL.link(here) }, r.nav));
  }
  const search = el('input', {
    type: 'search',
    role: 'combobox',
    'aria-label': 'Search prospects',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    placeholder: 'Search (press /)',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 200,
    className: SEARCH_INPUT,
  });
  return el(
    'div',
    { className: SHELL.frame },
    el('header', { className: SHELL.header }, el('span', { className: SHELL.brand }, 'Touchline'), nav, el('div', { role: 'search', className: SHELL.search }, el('div', { className: 'relative' }, search))),
    el('main', { className: SHELL.main }, el('h1', { className: SHELL.title }, title), view),
  );
}
