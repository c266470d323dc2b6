const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads the time Gmail puts in a message's title attribute (2025-03, English UI: "Mon, Mar 3, 2025, 9:14 AM";
 * some builds use a narrow no-break space before AM/PM). Other UI languages fall back to Date.parse, and an
 * unreadable time is left out rather than guessed. The page shows local time, so the result is local too.
 */
export function parseGmailTime(title: string | null | undefined): number | undefined {
  if (!title) return undefined;
  const text = title.replace(/[\u202f\u00a0]/g, ' ').trim();
  const m = text.match(/([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4}),? (?:at )?(\d{1,2}):(\d{2})(?: ?([AaPp])\.?[Mm]\.?)?/);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    let hour = Number(m[4]);
    const ampm = m[6]?.toLowerCase();
    if (ampm === 'p' && hour < 12) hour += 12;
    if (ampm === 'a' && hour === 12) hour = 0;
    if (month >= 0) return new Date(Number(m[3]), month, Number(m[2]), hour, Number(m[5])).getTime();
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}
