import { DAY_MS } from './history';
import type { Bounds } from './types';

/**
 * Touches per day by channel needs only how many touches fall between two local midnights, and every time
 * zone's offset today is a whole number of quarter hours (India +5:30, Nepal +5:45, DST shifts of 30 or 60
 * minutes), so every local midnight falls on a 15-minute UTC slot. The digest keeps counts per UTC day
 * (read whole) and per 15-minute slot of each UTC day (read for the period's two edge days only), by the
 * owner's source and the channel: exact for any period in any zone, without the million touch instants.
 * A bound off the quarter hour (a zone's old local mean time) is counted exactly from the touches index.
 */
export const SLOT_MS = 15 * 60_000;
export const SLOTS_PER_DAY = DAY_MS / SLOT_MS;

export const DAY_COUNTS_ID = 'n:days';
export const slotRowId = (day: number) => `s:${day}`;

/** A count's key: the owner's source ('' when it has none or is gone) and the channel. */
export const countKey = (site: string | undefined, channel: string) => `${site ?? ''}\u0000${channel}`;
const splitKey = (key: string) => {
  const i = key.indexOf('\u0000');
  return { site: key.slice(0, i), channel: key.slice(i + 1) };
};

/** Touches per UTC day, per key: days ascending, with their counts. */
export interface DayCountsRow {
  id: typeof DAY_COUNTS_ID;
  keys: string[];
  day: Int32Array[];
  count: Uint32Array[];
}

/** One UTC day's touches per 15-minute slot: count[key index * SLOTS_PER_DAY + slot]. */
export interface SlotCountsRow {
  id: string;
  day: number;
  keys: string[];
  count: Uint32Array;
}

export const dayOf = (at: number) => Math.floor(at / DAY_MS);
const slotOf = (at: number) => Math.floor((at - dayOf(at) * DAY_MS) / SLOT_MS);
const onSlot = (t: number) => t % SLOT_MS === 0;

/** Changes to the counts: day -> key -> per-slot change. */
export class CountChanges {
  readonly days = new Map<number, Map<string, Int32Array>>();

  add(site: string | undefined, channel: string, at: number, by: number): void {
    const day = dayOf(at);
    let keys = this.days.get(day);
    if (!keys) this.days.set(day, (keys = new Map()));
    const key = countKey(site, channel);
    let slots = keys.get(key);
    if (!slots) keys.set(key, (slots = new Int32Array(SLOTS_PER_DAY)));
    slots[slotOf(at)]! += by;
  }
}

/**
 * The counts rows after `changes`: the day row and the slot rows of the days changed (undefined where a day
 * has no touch left, so its row is deleted). Rows without a key at zero, whatever order they were built in.
 */
export function applyCountChanges(
  dayRow: DayCountsRow | undefined,
  slotRows: Map<number, SlotCountsRow | undefined>,
  changes: CountChanges,
): { dayRow: DayCountsRow; slotRows: Map<number, SlotCountsRow | undefined> } {
  const perDay = new Map<string, Map<number, number>>();
  dayRow?.keys.forEach((key, j) => {
    const m = new Map<number, number>();
    dayRow.day[j]!.forEach((d, i) => m.set(d, dayRow.count[j]![i]!));
    perDay.set(key, m);
  });
  const out = new Map<number, SlotCountsRow | undefined>();
  for (const [day, keys] of changes.days) {
    const old = slotRows.get(day);
    const slots = new Map<string, Uint32Array>();
    old?.keys.forEach((key, j) => slots.set(key, old.count.slice(j * SLOTS_PER_DAY, (j + 1) * SLOTS_PER_DAY)));
    for (const [key, by] of keys) {
      let s = slots.get(key);
      if (!s) slots.set(key, (s = new Uint32Array(SLOTS_PER_DAY)));
      let total = 0;
      for (let i = 0; i < SLOTS_PER_DAY; i++) {
        s[i] = s[i]! + by[i]!;
        total += s[i]!;
      }
      if (!total) slots.delete(key);
      let days = perDay.get(key);
      if (!days) perDay.set(key, (days = new Map()));
      if (total) days.set(day, total);
      else days.delete(day);
    }
    const kept = [...slots.keys()].sort();
    const count = new Uint32Array(kept.length * SLOTS_PER_DAY);
    kept.forEach((key, j) => count.set(slots.get(key)!, j * SLOTS_PER_DAY));
    out.set(day, kept.length ? { id: slotRowId(day), day, keys: kept, count } : undefined);
  }
  const keys = [...perDay.keys()].filter((k) => perDay.get(k)!.size).sort();
  const next: DayCountsRow = { id: DAY_COUNTS_ID, keys, day: [], count: [] };
  for (const key of keys) {
    const days = [...perDay.get(key)!].sort((a, b) => a[0] - b[0]);
    next.day.push(Int32Array.from(days, (d) => d[0]));
    next.count.push(Uint32Array.from(days, (d) => d[1]));
  }
  return { dayRow: next, slotRows: out };
}

/** The whole slots of a period: [first, last). */
function slotSpan(b: Bounds) {
  return { first: Math.ceil(b.start / SLOT_MS) * SLOT_MS, last: Math.floor(b.end / SLOT_MS) * SLOT_MS };
}

/** The UTC days the period's whole slots cover only in part: their slot rows are read. */
export function edgeDays(b: Bounds): number[] {
  const { first, last } = slotSpan(b);
  if (first >= last) return [];
  const days = new Set<number>();
  if (first % DAY_MS) days.add(dayOf(first));
  if (last % DAY_MS) days.add(dayOf(last));
  return [...days];
}

/** The stretches of a period no whole slot covers (bounds off the quarter hour): counted from the touches. */
export function offSlot(b: Bounds): Array<[number, number]> {
  if (b.end <= b.start) return [];
  const { first, last } = slotSpan(b);
  if (first >= last) return [[b.start, b.end]];
  const out: Array<[number, number]> = [];
  if (!onSlot(b.start)) out.push([b.start, first]);
  if (!onSlot(b.end)) out.push([last, b.end]);
  return out;
}

/**
 * Touches in the period's whole slots per channel, for the sources `keep` accepts (every key, the ownerless
 * included, when it accepts all).
 */
export function countsInPeriod(dayRow: DayCountsRow | undefined, slotRows: Map<number, SlotCountsRow | undefined>, b: Bounds, keep: (site: string) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  const { first, last } = slotSpan(b);
  if (!dayRow || first >= last) return out;
  const add = (key: string, n: number) => {
    if (!n) return;
    const { site, channel } = splitKey(key);
    if (keep(site)) out.set(channel, (out.get(channel) ?? 0) + n);
  };
  // Whole UTC days inside [first, last).
  const fromDay = Math.ceil(first / DAY_MS);
  const toDay = Math.floor(last / DAY_MS);
  dayRow.keys.forEach((key, j) => {
    const days = dayRow.day[j]!;
    const counts = dayRow.count[j]!;
    let n = 0;
    for (let i = 0; i < days.length; i++) if (days[i]! >= fromDay && days[i]! < toDay) n += counts[i]!;
    add(key, n);
  });
  // The slots of the days only partly inside.
  for (const day of new Set([dayOf(first), dayOf(last)])) {
    if (day >= fromDay && day < toDay) continue;
    const row = slotRows.get(day);
    if (!row) continue;
    const lo = Math.max(0, (first - day * DAY_MS) / SLOT_MS);
    const hi = Math.min(SLOTS_PER_DAY, (last - day * DAY_MS) / SLOT_MS);
    row.keys.forEach((key, j) => {
      let n = 0;
      for (let s = lo; s < hi; s++) n += row.count[j * SLOTS_PER_DAY + s]!;
      add(key, n);
    });
  }
  return out;
}
