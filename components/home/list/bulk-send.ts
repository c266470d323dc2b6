import { send } from '@/lib/messaging/client';
import { BULK_MAX } from '@/lib/messaging/limits';
import type { MoveCheckView } from '@/lib/process/views';

/** Pages of at most BULK_MAX ids (each page is one request and one unit of work in the background). */
export function pagesOf(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += BULK_MAX) out.push(ids.slice(i, i + BULK_MAX));
  return out;
}

/** What moving the whole selection requires: the pages' previews combined (any page needing a reason does). */
export async function previewMany(ids: string[], stageId: string): Promise<MoveCheckView & { moving: number }> {
  const checks = await Promise.all(pagesOf(ids).map((prospectIds) => send('stage.previewMany', { prospectIds, stageId })));
  const moving = checks.filter((c) => c.moving > 0);
  return {
    direction: moving.some((c) => c.direction === 'forward') ? 'forward' : moving.length ? 'backward' : 'same',
    unmet: [...new Set(moving.flatMap((c) => c.unmet))],
    needsReason: moving.some((c) => c.needsReason),
    needsLossReason: moving.some((c) => c.needsLossReason),
    moving: checks.reduce((n, c) => n + c.moving, 0),
  };
}

/** Runs `each` page after page, reporting how many ids are done; returns the pages' results. */
export async function inPages<T>(ids: string[], each: (page: string[]) => Promise<T>, onProgress?: (done: number) => void): Promise<T[]> {
  const out: T[] = [];
  let done = 0;
  for (const page of pagesOf(ids)) {
    out.push(await each(page));
    done += page.length;
    onProgress?.(done);
  }
  return out;
}
