import type { TouchlineDb } from '../db/database';

/**
 * The scoreboard's stage column: each scored prospect's stage, beside its score, so the board and the list
 * rank and split 100,000 people by reading two rows (ids, scores) instead of 100,000 index keys joined to a
 * 100,000-entry map (measured 2026-12-03 in Chromium on 2 loaded cores: stage keys 100-390 ms, the map
 * 60-170 ms, the two rows 10-15 ms). It lives on the 'scores' row: `stages[i]` is the index in `stageKeys`
 * of ids[i]'s stage, NO_STAGE once that prospect is gone (merged away, erased). The unit of work keeps it in
 * step with every prospect it rescores (./scores.ts rescoreMany); a row that lacks it, or whose length no
 * longer matches the ids (an import of an older snapshot, an erase that spliced the ids), is rebuilt from the
 * stageId index by the next write or by repairStageColumn().
 */
export const NO_STAGE = 255;

export interface StageColumn {
  stages: Uint8Array;
  stageKeys: string[];
}

/** The column stored with `ids`, or undefined when it is missing or out of step with them. */
export function validColumn(ids: readonly string[] | undefined, row: { scores?: Uint8Array; stages?: Uint8Array; stageKeys?: string[] } | undefined): StageColumn | undefined {
  if (!ids || !row?.stages || !row.stageKeys || !row.scores) return undefined;
  if (row.stages.length !== ids.length || row.scores.length !== ids.length) return undefined;
  return { stages: row.stages, stageKeys: row.stageKeys };
}

/** Sets ids[i]'s stage (undefined: gone). False when the stage would be the 256th key (the column is then dropped). */
export function setStage(col: StageColumn, i: number, stageId: string | undefined): boolean {
  if (stageId === undefined) {
    col.stages[i] = NO_STAGE;
    return true;
  }
  let code = col.stageKeys.indexOf(stageId);
  if (code < 0) {
    if (col.stageKeys.length >= NO_STAGE) return false;
    code = col.stageKeys.push(stageId) - 1;
  }
  col.stages[i] = code;
  return true;
}

/** A copy `length` long, the new places NO_STAGE (a longer view would be cloned whole into IndexedDB). */
export function grownColumn(col: StageColumn, length: number): StageColumn {
  const stages = new Uint8Array(length).fill(NO_STAGE);
  stages.set(col.stages.subarray(0, Math.min(length, col.stages.length)));
  return { stages, stageKeys: [...col.stageKeys] };
}

/**
 * The column for `ids`, from the stageId index (keys only, one read per distinct stage); `missing` lists the
 * prospects the index has and `ids` lacks, for the caller to add. Runs in the caller's transaction.
 */
export async function buildStageColumn(db: TouchlineDb, ids: readonly string[]): Promise<{ column: StageColumn | undefined; missing: string[] }> {
  const stageKeys = (await db.prospects.orderBy('stageId').uniqueKeys()) as string[];
  const lists = (await Promise.all(stageKeys.map((s) => db.prospects.where('stageId').equals(s).primaryKeys()))) as string[][];
  if (stageKeys.length > NO_STAGE) return { column: undefined, missing: [] };
  const at = new Map(ids.map((id, i) => [id, i]));
  const missing: string[] = [];
  const found: Array<[number, number]> = [];
  lists.forEach((list, code) => {
    for (const id of list) {
      const i = at.get(id);
      if (i === undefined) {
        missing.push(id);
        found.push([ids.length + missing.length - 1, code]);
      } else found.push([i, code]);
    }
  });
  const stages = new Uint8Array(ids.length + missing.length).fill(NO_STAGE);
  for (const [i, code] of found) stages[i] = code;
  return { column: { stages, stageKeys }, missing };
}
