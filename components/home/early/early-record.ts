import type { RecordRead } from '@/lib/home/record-shape';
import type { TimelineEntry } from '@/lib/home/timeline';
import { siteLinkLabel } from '@/lib/home/safe-link';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { QUIET_BUTTON, SECTION, SELECT } from '../record/classes';
import { entryTitle } from '../record/entry-title';
import { el } from './dom';

/** A stage as settings name it: all the stage row needs. */
export interface StageName {
  id: string;
  name: string;
}

/** components/sidebar/NoteForm.tsx's boxes. */
const NOTE_BOX = 'rounded border border-slate-300 bg-white p-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
const NOTE_BUTTON = 'self-end rounded bg-slate-700 px-2 py-0.5 text-xs text-white disabled:opacity-50 dark:bg-slate-500';
/** Timeline.tsx's estimate of a row it has not measured: the list's height counts the rows not drawn with it. */
const ROW_ESTIMATE = 76;
/** A screen of rows and then some, as the virtualiser draws on its first render (700 px, overscan 6). */
const ROWS_DRAWN = 16;

function siteLink(href?: string) {
  return href ? el('a', { href, target: '_blank', rel: 'noreferrer', className: 'text-sm text-blue-700 underline dark:text-blue-300' }, siteLinkLabel(href)) : null;
}

/** One row as record/TimelineRow.tsx draws it; its Delete button works once React takes over. */
function row(e: TimelineEntry): HTMLElement {
  const box = el(
    'div',
    { className: 'flex flex-col gap-0.5 border-b border-slate-100 py-2 dark:border-slate-800' },
    el('div', { className: 'flex flex-wrap items-baseline gap-x-2' }, el('span', { className: 'font-medium' }, entryTitle(e)), el('time', { datetime: new Date(e.at).toISOString(), className: 'text-xs text-slate-500' }, formatDateTime(e.at))),
  );
  if (e.kind === 'touch' || e.kind === 'note') {
    if (e.touch.subject) box.append(el('div', { className: 'break-words font-medium' }, e.touch.subject));
    if (e.touch.summary) box.append(el('div', { className: 'line-clamp-4 whitespace-pre-wrap break-words text-sm text-slate-700 dark:text-slate-300' }, e.touch.summary));
    box.append(el('div', { className: 'flex items-center gap-3' }, siteLink(e.link), el('button', { type: 'button', className: `${QUIET_BUTTON} text-xs` }, `Delete ${e.kind === 'note' ? 'note' : 'touch'}`)));
  } else if (e.kind === 'stage') {
    if (e.change.lossReason) box.append(el('div', { className: 'text-sm' }, `Loss reason: ${e.change.lossReason}`));
    if (e.change.reason) box.append(el('div', { className: 'whitespace-pre-wrap break-words text-sm' }, `Reason: ${e.change.reason}`));
    if (e.change.unmetCriteria?.length) box.append(el('div', { className: 'text-xs text-amber-800 dark:text-amber-200' }, `Moved on without: ${e.change.unmetCriteria.join('; ')}`));
  } else if (e.kind === 'task') {
    const due = `Due ${formatDate(e.task.due)}${e.task.done ? `, done${e.task.doneAt ? ` ${formatDate(e.task.doneAt)}` : ''}` : ', open'}`;
    box.append(el('div', { className: 'flex items-center gap-3 text-sm' }, el('span', {}, due), siteLink(e.link)));
  } else if (e.kind === 'merge') {
    box.append(el('div', { className: 'text-sm' }, `${e.merge.movedTouchIds.length} touches moved onto this record`));
  }
  return box;
}

/** record/Timeline.tsx's section with its first screen of rows (in flow: where the virtualiser measures them). */
function timeline(entries: TimelineEntry[]): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'early-timeline', className: `${SECTION} min-w-0` }, el('h3', { id: 'early-timeline', className: 'text-sm font-semibold' }, 'Timeline'));
  section.append(
    el(
      'div',
      { className: 'flex flex-col gap-1' },
      el('label', { for: 'early-note', className: 'text-xs text-slate-600 dark:text-slate-300' }, 'Note'),
      el('textarea', { id: 'early-note', rows: 2, className: NOTE_BOX }),
      el('button', { type: 'button', disabled: true, className: NOTE_BUTTON }, 'Add note'),
    ),
  );
  if (entries.length === 0) {
    section.append(el('p', { className: 'text-sm text-slate-500' }, 'Nothing yet.'));
    return section;
  }
  const list = el('ul', { 'aria-label': 'Timeline', className: 'relative' });
  list.style.height = `${entries.length * ROW_ESTIMATE}px`;
  entries.slice(0, ROWS_DRAWN).forEach((e, i) => list.append(el('li', { 'data-index': i, 'aria-setsize': entries.length, 'aria-posinset': i + 1, className: 'w-full' }, row(e))));
  section.append(el('div', { className: 'max-h-[70vh] overflow-y-auto', tabindex: 0, 'aria-label': 'Timeline entries' }, list));
  return section;
}

/** record/StageSection.tsx's row: the stage picker (live once React takes over) and since when. */
function stageRow(stageId: string, enteredAt: number, stages: StageName[]): HTMLElement {
  const select = el('select', { id: 'early-stage', className: SELECT });
  if (!stages.some((s) => s.id === stageId)) select.append(el('option', { value: stageId }, `${stageId} (no longer a stage)`));
  for (const s of stages) select.append(el('option', { value: s.id }, s.name));
  (select as HTMLSelectElement).value = stageId;
  return el(
    'div',
    { className: 'flex flex-col gap-2' },
    el('div', { className: 'flex flex-wrap items-center gap-2' }, el('label', { for: 'early-stage', className: 'text-sm font-medium' }, 'Stage'), select, el('span', { className: 'text-xs text-slate-500' }, `since ${formatDate(enteredAt)}`)),
  );
}

/**
 * The record's first screen as record/RecordPage.tsx draws it: heading, stage, and (where the timeline is
 * the right-hand column, on wide screens) the timeline's first rows. The left column's forms are React's:
 * they fill their column when it takes over, and nothing drawn here moves. On a narrow screen the forms come
 * first and the timeline below them, so it is left to React rather than drawn where it would not stay.
 */
export function earlyRecord({ prospect, touchCount, timeline: entries }: RecordRead, stages: StageName[], wide: boolean): HTMLElement {
  const subtitle = [prospect.title, prospect.company].filter(Boolean).join(' · ');
  const touches = touchCount ?? `${entries.filter((e) => e.kind === 'touch' || e.kind === 'note').length}+`;
  const article = el(
    'article',
    { 'aria-label': `Prospect ${prospect.name}`, className: 'flex flex-col gap-4' },
    el('header', { className: 'flex flex-col gap-1' }, el('h2', { className: 'break-words text-2xl font-bold' }, prospect.name), subtitle && el('p', { className: 'break-words text-slate-600 dark:text-slate-300' }, subtitle), el('p', { className: 'text-xs text-slate-500' }, `${touches} touches · score …`)),
    stageRow(prospect.stageId, prospect.stageEnteredAt, stages),
  );
  if (wide) article.append(el('div', { className: 'grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]' }, el('div', { className: 'flex flex-col gap-4' }), timeline(entries)));
  return article;
}
