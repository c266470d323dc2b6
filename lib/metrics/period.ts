import { fromLocal } from '../process/time-zone';
import type { Bounds, LocalDate, Period } from './types';

const midnight = (d: LocalDate, timeZone: string) => fromLocal({ ...d, hour: 0, minute: 0, second: 0 }, timeZone);

/** Days between two calendar dates, counted on the calendar (so a 23-hour DST day is one day). */
function calendarDays(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

function nextDay(d: LocalDate): LocalDate {
  const n = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: n.getUTCFullYear(), month: n.getUTCMonth() + 1, day: n.getUTCDate() };
}

/** From local midnight of `from` to local midnight after `to`, in the user's time zone. */
export function periodBounds(period: Period, timeZone: string): Bounds {
  const start = midnight(period.from, timeZone);
  const end = midnight(nextDay(period.to), timeZone);
  return { start, end, days: Math.max(0, calendarDays(period.from, period.to) + 1) };
}

export function parseLocalDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return check.getUTCMonth() + 1 === d.month && check.getUTCDate() === d.day ? d : undefined;
}

export const formatLocalDate = (d: LocalDate) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
