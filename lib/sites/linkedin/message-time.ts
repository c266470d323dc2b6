/**
 * When a LinkedIn message was sent, from what the thread shows: a day heading before the first message of a
 * day ("Feb 26", "Mar 3, 2024") and a clock on each message group ("10:03 AM", "16:51"). LinkedIn puts no
 * machine-readable time in the DOM (2025-03), so this is best effort: a heading the JS date parser cannot
 * read (other languages, "Today") gives undefined and the caller falls back to the time it logs.
 */
export function messageTime(dayHeading: string | undefined, clock: string | undefined, now = Date.now()): number | undefined {
  if (!dayHeading || !clock) return undefined;
  const m = clock.match(/(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s*m\.?)?/i);
  if (!m) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const meridiem = m[3]?.toLowerCase();
  if (meridiem === 'p' && hours < 12) hours += 12;
  if (meridiem === 'a' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return undefined;
  const hasYear = /\b\d{4}\b/.test(dayHeading);
  const nowYear = new Date(now).getFullYear();
  const day = new Date(hasYear ? dayHeading : `${dayHeading} ${nowYear}`);
  if (Number.isNaN(day.getTime())) return undefined;
  day.setHours(hours, minutes, 0, 0);
  // A heading without a year that lands in the future is from last year (a thread read in January).
  if (!hasYear && day.getTime() > now + 86_400_000) day.setFullYear(nowYear - 1);
  return day.getTime();
}
