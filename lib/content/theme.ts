export type Theme = 'light' | 'dark';

function parseRgb(color: string): [number, number, number, number] | null {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m?.[1]) return null;
  const [r = 0, g = 0, b = 0, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}

function luminanceTheme(win: Window, start: Element | null): Theme | null {
  for (let el: Element | null = start; el; el = el.parentElement) {
    const rgba = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (!rgba || rgba[3] < 0.5) continue;
    const [r, g, b] = rgba;
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    return luminance < 0.4 ? 'dark' : 'light';
  }
  return null;
}

export const systemTheme = (win: Window): Theme => (win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

/**
 * The page's appearance, read from what it paints rather than from class names: the first opaque
 * background behind the top of the page. Gmail themes and LinkedIn's dark mode both paint dark there.
 */
export function detectTheme(win: Window): Theme {
  const doc = win.document;
  const probes = [doc.elementFromPoint(win.innerWidth / 2, 8), doc.body, doc.documentElement];
  for (const start of probes) {
    const theme = luminanceTheme(win, start);
    if (theme) return theme;
  }
  return systemTheme(win);
}
