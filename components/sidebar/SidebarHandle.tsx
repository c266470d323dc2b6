import { CLS, handleLabel } from '@/lib/content/sidebar-classes';

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
      aria-label={handleLabel(open)}
      aria-expanded={open}
      title={`${open ? 'Close' : 'Open'} Touchline (Alt+Shift+T)`}
      style={{ right: open ? widthPx : 0 }}
      className={CLS.handle}
    >
      {open ? '\u203a' : 'T'}
    </button>
  );
}
