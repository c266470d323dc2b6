import { STAGE_KINDS, type Stage } from '@/lib/process/stage';

/** What the board draws of a stage: its column. The rules (exit criteria) always come from settings. */
export type StageOutline = Pick<Stage, 'id' | 'name' | 'kind'>;

const KEY = 'touchline:board-stages';

/**
 * The stages the board drew last time, so the next visit starts reading its keys at once instead of after
 * the settings read (100-250 ms on a busy machine). Only a head start: the settings replace it as soon as
 * they arrive, and a list that does not parse is ignored.
 */
export function lastStages(): StageOutline[] | undefined {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!Array.isArray(list) || !list.length) return undefined;
    const ok = list.every((s) => s && typeof s.id === 'string' && typeof s.name === 'string' && (STAGE_KINDS as readonly string[]).includes(s.kind));
    return ok ? list.map((s) => ({ id: s.id, name: s.name, kind: s.kind })) : undefined;
  } catch {
    return undefined;
  }
}

export function rememberStages(stages: readonly StageOutline[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(stages.map(({ id, name, kind }) => ({ id, name, kind }))));
  } catch {
    // A full or disabled storage only costs the head start.
  }
}
