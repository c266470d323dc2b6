/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab or carriage return) runs as a formula
 * when the CSV is opened in Excel, Sheets or LibreOffice. Export prefixes such cells with an apostrophe;
 * import removes exactly that prefix again, so a value survives export -> import unchanged, including values
 * that themselves start with apostrophes.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** First characters FORMULA can match: ' = + - @ tab CR. */
const FORMULA_FIRST = new Set([39, 61, 43, 45, 64, 9, 13]);

export function escapeCell(value: string): string {
  if (!value || !FORMULA_FIRST.has(value.charCodeAt(0))) return value;
  return FORMULA.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

/** One list cell for emails and tags: "a@x.example; b@y.example". */
export const LIST_SEPARATOR = '; ';
export function splitList(cell: string): string[] {
  return cell
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
