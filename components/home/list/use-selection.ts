import { useCallback, useMemo, useRef, useState } from 'react';

export interface Selection {
  /** The selected ids that are still in the list, in the list's order. */
  ids: string[];
  has: (id: string) => boolean;
  /** A checkbox click: with shift, every row between the last click and this one takes the new state. */
  toggle: (index: number, on: boolean, range: boolean) => void;
  selectAll: () => void;
  clear: () => void;
}

/**
 * Multi-select over the list's ids. A selected person who leaves the list (the filter no longer keeps them,
 * or they were removed) drops out of the selection, so a bulk action never touches someone not on screen.
 */
export function useSelection(listIds: string[]): Selection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | undefined>(undefined);
  const ids = useMemo(() => (chosen.size ? listIds.filter((id) => chosen.has(id)) : []), [chosen, listIds]);
  const kept = useMemo(() => new Set(ids), [ids]);
  const toggle = useCallback(
    (index: number, on: boolean, range: boolean) => {
      const from = range && anchor.current !== undefined ? Math.min(anchor.current, index) : index;
      const to = range && anchor.current !== undefined ? Math.max(anchor.current, index) : index;
      anchor.current = index;
      setChosen((prev) => {
        const next = new Set(prev);
        for (let i = from; i <= to; i++) {
          const id = listIds[i];
          if (id === undefined) continue;
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      });
    },
    [listIds],
  );
  const selectAll = useCallback(() => setChosen(new Set(listIds)), [listIds]);
  const clear = useCallback(() => {
    anchor.current = undefined;
    setChosen(new Set());
  }, []);
  return { ids, has: (id) => kept.has(id), toggle, selectAll, clear };
}
