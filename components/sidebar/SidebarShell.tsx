import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/settings/settings';
import type { Theme } from '@/lib/content/theme';
import { useBackgroundEvent } from '../ui/use-background-events';
import type { ValueStore } from '../ui/value-store';
import type { Detected } from '@/lib/sites/types';
import { Sidebar } from './Sidebar';
import { SidebarHandle } from './SidebarHandle';

export const SIDEBAR_WIDTH = 340;

interface Props {
  page: ValueStore<Detected>;
  settings: ValueStore<Settings>;
  initiallyOpen: boolean;
  theme: () => Theme;
  onOpenChange: (open: boolean) => void;
}

const isToggleKey = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyT';

/** The frame around the sidebar: open/close from the handle, Alt+Shift+T or the browser command. */
export function SidebarShell({ page, settings, initiallyOpen, theme, onOpenChange }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const [currentTheme, setTheme] = useState<Theme>(theme);

  const lastToggleAt = useRef(-Infinity);

  const toggle = useCallback(() => {
    lastToggleAt.current = performance.now();
    setOpen((was) => {
      const next = !was;
      void send('ui.sidebarOpen.set', { open: next }).catch(() => undefined);
      return next;
    });
  }, []);

  useEffect(() => {
    onOpenChange(open);
    if (open) setTheme(theme());
  }, [open, onOpenChange, theme]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isToggleKey(e)) return;
      e.preventDefault();
      e.stopPropagation();
      toggle();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [toggle]);

  // The manifest command reaches us from the background; when Chrome also lets the keydown through, the
  // page listener above already toggled, so ignore a second toggle within the same key press.
  useBackgroundEvent(
    useCallback(
      (e) => {
        if (e.event !== 'touchline:toggle-sidebar' || performance.now() - lastToggleAt.current < 300) return;
        toggle();
      },
      [toggle],
    ),
  );

  return (
    <div data-theme={currentTheme} className="font-sans text-slate-900 dark:text-slate-100">
      <SidebarHandle open={open} onToggle={toggle} widthPx={SIDEBAR_WIDTH} />
      {open && (
        <aside
          aria-label="Touchline"
          style={{ width: SIDEBAR_WIDTH }}
          className="fixed top-0 right-0 bottom-0 z-[2147483000] flex flex-col border-l border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950"
        >
          <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2 dark:border-slate-700">
            <span className="text-sm font-bold text-blue-700 dark:text-blue-300">Touchline</span>
            <button
              type="button"
              onClick={toggle}
              aria-label="Close sidebar"
              className="rounded px-1 text-slate-500 hover:bg-slate-200 dark:text-slate-400 dark:hover:bg-slate-800"
            >
              {'\u00d7'}
            </button>
          </header>
          <Sidebar page={page} settings={settings} />
        </aside>
      )}
    </div>
  );
}
