import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Stage } from '@/lib/process/stage';

interface Props {
  name: string;
  currentStageId: string;
  stages: Stage[];
  /** The card the menu belongs to; the menu opens beside it. */
  anchor: HTMLElement;
  onPick: (stageId: string) => void;
  onClose: () => void;
}

/**
 * The keyboard way to move a card: a menu of the team's stages (the current one marked and skipped), arrows
 * to choose, Enter to pick, Escape to close. Rendered in a portal with a fixed position, because the card
 * sits inside a column that scrolls and would clip it.
 */
export function StageMenu({ name, currentStageId, stages, anchor, onPick, onClose }: Props) {
  const choices = stages.filter((s) => s.id !== currentStageId);
  const currentIndex = stages.findIndex((s) => s.id === currentStageId);
  // Start on the next stage: moving forward is what a rep does most.
  const [active, setActive] = useState(() => Math.max(0, choices.findIndex((s) => stages.indexOf(s) > currentIndex)));
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => items.current[active]?.focus(), [active]);
  useEffect(() => {
    const away = (e: PointerEvent) => !menu.current?.contains(e.target as Node) && onClose();
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const last = choices.length - 1;
    const go = (i: number) => {
      e.preventDefault();
      setActive(i);
    };
    if (e.key === 'ArrowDown') go(active >= last ? 0 : active + 1);
    else if (e.key === 'ArrowUp') go(active <= 0 ? last : active - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(last);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const r = anchor.getBoundingClientRect();
  const top = Math.min(r.top, window.innerHeight - 40 - choices.length * 32);
  const left = r.right + 200 < window.innerWidth ? r.right + 4 : Math.max(4, r.left - 204);
  return createPortal(
    <div
      ref={menu}
      role="menu"
      aria-label={`Move ${name} to`}
      onKeyDown={onKeyDown}
      style={{ top: Math.max(4, top), left }}
      className="fixed z-50 flex w-48 flex-col rounded border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-800"
    >
      {choices.map((s, i) => (
        <button
          key={s.id}
          ref={(el) => {
            items.current[i] = el;
          }}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          onClick={() => onPick(s.id)}
          onFocus={() => setActive(i)}
          className="px-3 py-1 text-left hover:bg-slate-100 focus:bg-blue-100 focus:outline-none dark:hover:bg-slate-700 dark:focus:bg-blue-900"
        >
          {s.name}
        </button>
      ))}
    </div>,
    document.body,
  );
}
