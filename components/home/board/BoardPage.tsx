import { useCallback, useEffect, useMemo, useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, MeasuringStrategy, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import type { Prospect } from '@/lib/model';
import { withMoves } from '@/lib/home/board';
import { boardColumns, checkFilter } from '@/lib/home/filters';
import { dueWindow } from '@/lib/process/reminders';
import { localTimeZone } from '@/lib/process/time-zone';
import { FilterBar, useHomeFilter, useHomeKeys, useNow } from '../filters';
import { useSettingsLive } from '../record/use-settings-live';
import { BoardColumn } from './BoardColumn';
import { takeBootRows } from './board-prefetch';
import { CARD_HEIGHT, type CardRef } from './BoardCard';
import { columnCollision, columnKeyboardCoordinates } from './dnd';
import { lastStages, rememberStages, type StageOutline } from './last-stages';
import { MoveAsk } from './MoveAsk';
import { StageMenu } from './StageMenu';
import { useBoardMove } from './use-board-move';

const INSTRUCTIONS =
  'Press m to choose a stage from a menu, or Space to pick the card up, Left and Right to choose a column and Space to drop it (Escape cancels). Enter opens the record.';

/**
 * dashboard.html#/board: one column per team stage, in order, with the shared filters (kept in the URL).
 * Cards move by dragging or by keyboard, by the sidebar's rules (use-board-move.ts); everything follows the
 * database live, so a move made in a Gmail sidebar shows here by itself.
 */
// The columns are measured on every move of a drag, not only when it starts: a live update (a card added from
// another tab, a count or a filter row arriving) can move them mid-drag, and a column measured before that
// never lit up under the pointer. Nine rectangles a frame is nothing.
const MEASURE_COLUMNS = { droppable: { strategy: MeasuringStrategy.Always } };

export function BoardPage() {
  // The bench measures from here to the cards drawn (bench/suites/board.ts).
  useState(() => performance.mark('touchline:board-start'));
  const { settings, error: settingsError } = useSettingsLive();
  const [filter, setFilter] = useHomeFilter();
  const now = useNow();
  const [remembered] = useState(lastStages);
  const stages: StageOutline[] | undefined = settings?.stages ?? remembered;
  useEffect(() => {
    if (settings) rememberStages(settings.stages);
  }, [settings]);
  const stageIds = useMemo(() => stages?.map((s) => s.id), [stages]);

  // Won and lost start collapsed; a rep's toggle holds while the page is open.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const onToggle = useCallback((id: string) => setToggled((t) => (t.has(id) ? new Set([...t].filter((x) => x !== id)) : new Set([...t, id]))), []);
  const isCollapsed = (s: StageOutline) => (s.kind === 'won' || s.kind === 'lost') !== toggled.has(s.id);
  // Every column, collapsed ones too (for their counts), from one read of the scoreboard's columns.
  const keys = useHomeKeys(filter, stageIds, now);
  // The prospect rows the cards have read, shared by the columns: a card that moves paints its row at once.
  // The first cards' rows may already be in it, read at boot (board-prefetch.ts).
  const [rows] = useState(() => takeBootRows() ?? new Map<string, Prospect>());
  const move = useBoardMove(settings?.stages, keys);
  const columns = useMemo(
    () => (keys && stageIds && !checkFilter(filter) ? boardColumns(withMoves(keys, move.moves), filter, stageIds) : undefined),
    [keys, stageIds, filter, move.moves],
  );
  const time = useMemo(() => ({ now, todayStart: dueWindow(now, localTimeZone()).todayStart }), [now]);


  const [menu, setMenu] = useState<{ card: CardRef; anchor: HTMLElement }>();
  const onOpenMenu = useCallback((card: CardRef, anchor: HTMLElement) => setMenu({ card, anchor }), []);
  const closeMenu = useCallback(() => {
    if (menu) menu.anchor.focus();
    setMenu(undefined);
  }, [menu]);

  const sensors = useSensors(
    // A press that does not travel is a click (it opens the record), not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
  const [dragging, setDragging] = useState<string>();
  const onDragStart = (e: DragStartEvent) => setDragging(String(e.active.data.current?.name ?? ''));
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(undefined);
    const from = e.active.data.current?.stageId as string | undefined;
    const to = e.over?.data.current?.stageId as string | undefined;
    if (!from || !to || from === to) return;
    const byKeyboard = e.activatorEvent instanceof KeyboardEvent;
    void move.request({ id: String(e.active.id), name: String(e.active.data.current?.name ?? ''), from, to }, { followFocus: byKeyboard });
  };
  const stageName = (id: unknown) => stages?.find((s) => `column:${s.id}` === id)?.name ?? 'no column';

  return (
    <div className="flex flex-col">
      {stages && <FilterBar filter={filter} onChange={setFilter} stages={stages} />}
      {(settingsError || move.error) && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
          {settingsError ?? move.error}
        </p>
      )}
      {!columns && !checkFilter(filter) && <p role="status">Loading…</p>}
      {columns && stages && (
        <DndContext
          sensors={sensors}
          collisionDetection={columnCollision}
          measuring={MEASURE_COLUMNS}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(undefined)}
          accessibility={{
            screenReaderInstructions: { draggable: INSTRUCTIONS },
            announcements: {
              onDragStart: ({ active }) => `Picked up ${active.data.current?.name}.`,
              onDragOver: ({ over }) => (over ? `Over ${stageName(over.id)}.` : 'Not over a column.'),
              onDragEnd: ({ active, over }) => (over ? `${active.data.current?.name} dropped in ${stageName(over.id)}.` : 'Dropped outside the columns.'),
              onDragCancel: ({ active }) => `Moving ${active.data.current?.name} was cancelled.`,
            },
          }}
        >
          <div aria-label="Pipeline" role="group" className="flex gap-3 overflow-x-auto pb-2">
            {columns.map((c) => {
              const stage = stages.find((s) => s.id === c.stageId)!;
              return (
                <BoardColumn
                  key={c.stageId}
                  stage={stage}
                  ids={c.ids}
                  scores={c.scores}
                  rows={rows}
                  collapsed={isCollapsed(stage)}
                  onToggle={onToggle}
                  time={time}
                  focusId={move.focus?.stageId === c.stageId ? move.focus.id : undefined}
                  onFocused={move.focused}
                  onOpenMenu={onOpenMenu}
                />
              );
            })}
          </div>
          <DragOverlay dropAnimation={null}>
            {dragging !== undefined && (
              <div style={{ height: CARD_HEIGHT }} className="w-60 rounded border border-blue-400 bg-white p-2 text-sm font-medium shadow-lg dark:bg-slate-800">
                {dragging}
              </div>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {menu && settings && (
        <StageMenu
          name={menu.card.name}
          currentStageId={menu.card.stageId}
          stages={settings.stages}
          anchor={menu.anchor}
          onClose={closeMenu}
          onPick={(to) => {
            setMenu(undefined);
            void move.request({ ...menu.card, from: menu.card.stageId, to }, { followFocus: true });
          }}
        />
      )}
      {move.asking && settings && <MoveAsk asking={move.asking} lossReasons={settings.lossReasons} onConfirm={move.confirm} onCancel={move.cancel} />}
    </div>
  );
}
