/**
 * Calendar arithmetic in the rep's time zone. "Due today" and "day 2 of a cadence" are local calendar facts:
 * a task due at 23:30 in Berlin is not due "tomorrow" because UTC has already rolled over, and "day 2" keeps
 * its wall-clock time across a daylight-saving change.
 */
export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function toLocal(ms: number, timeZone: string): LocalDateTime {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

function offsetAt(ms: number, timeZone: string): number {
  const l = toLocal(ms, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a local wall-clock time happens (a time skipped by a DST jump lands just after the jump). */
export function fromLocal(l: LocalDateTime, timeZone: string): number {
  const guess = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  const first = offsetAt(guess, timeZone);
  const candidate = guess - first;
  const second = offsetAt(candidate, timeZone);
  return second === first ? candidate : guess - second;
}

/** Same wall-clock time `days` calendar days later (or earlier) in `timeZone`. */
export function addLocalDays(ms: number, days: number, timeZone: string): number {
  const l = toLocal(ms, timeZone);
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return fromLocal({ ...l, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, timeZone);
}

export function startOfLocalDay(ms: number, timeZone: string): number {
  const l = toLocal(ms, timeZone);
  return fromLocal({ ...l, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The first instant of the next local day (exclusive end of today). */
export function endOfLocalDay(ms: number, timeZone: string): number {
  return startOfLocalDay(addLocalDays(startOfLocalDay(ms, timeZone), 1, timeZone), timeZone);
}

/** `hour`:00 local time on the day after `ms`, e.g. where a snoozed task goes. */
export function nextLocalDayAt(ms: number, hour: number, timeZone: string): number {
  const next = toLocal(addLocalDays(ms, 1, timeZone), timeZone);
  return fromLocal({ ...next, hour, minute: 0, second: 0 }, timeZone);
}
