import { useRef } from 'react';

/**
 * The range of rows to read from the database: the virtualiser's, except while a fling carries the view more
 * than its own height from one render to the next. Rows that fly past within a frame cannot be read by
 * anyone, and reading them cost a query and a second render of every row per frame (a fling through
 * 100,000 rows: 40 fps, 2026-12-03). They show as placeholders, and the rows in view are read as soon as the
 * scroll slows to less than a screen a frame or stops.
 */
export function useReadWindow(first: number, last: number, scrolling: boolean): [first: number, last: number] {
  const previous = useRef<{ first: number; read: [number, number] }>(undefined);
  const p = previous.current;
  const flying = !!p && scrolling && Math.abs(first - p.first) > last - first;
  const read: [number, number] = flying ? p.read : p && p.read[0] === first && p.read[1] === last ? p.read : [first, last];
  previous.current = { first, read };
  return read;
}
