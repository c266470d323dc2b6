interface Props {
  open: boolean;
  onToggle: () => void;
  widthPx: number;
}

/** A small tab on the right edge; it stays visible in both states so the sidebar is never lost. */
export function SidebarHandle({ open, onToggle, widthPx }: Props) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-label={open ? 'Close Touchline sidebar' : 'Open Touchline sidebar'}
      aria-expanded={open}
      title={`${open ? 'Close' : 'Open'} Touchline (Alt+Shift+T)`}
      style={{ right: open ? widthPx : 0 }}
      className="fixed bottom-24 z-[2147483001] flex h-10 w-6 items-center justify-center rounded-l-md bg-blue-600 text-xs font-bold text-white opacity-80 hover:opacity-100 focus:opacity-100"
    >
      {open ? '\u203a' : 'T'}
    </button>
  );
}
