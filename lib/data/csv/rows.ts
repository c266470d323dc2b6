import Papa from 'papaparse';
import { readText, type Encoding } from './decode';
import { CsvFileError } from './errors';

export interface CsvRow {
  /** Line of the file the row starts on (the header is line 1); quoted newlines are counted. */
  line: number;
  cells: string[];
}

export interface RowBatch {
  rows: CsvRow[];
  bytes: number;
  total: number;
}

export interface CsvReadOptions {
  encoding?: Encoding;
  signal?: AbortSignal;
  chunkBytes?: number;
}

const DELIMITERS = [',', ';', '\t', '|'];

function guessNewline(sample: string): '\r\n' | '\n' | '\r' {
  const crlf = sample.indexOf('\r\n');
  const lf = sample.indexOf('\n');
  if (crlf >= 0 && crlf < lf) return '\r\n';
  if (lf >= 0) return '\n';
  return sample.includes('\r') ? '\r' : '\n';
}

function guessDelimiter(sample: string): string {
  const guess = Papa.parse<string[]>(sample, { preview: 20, delimitersToGuess: DELIMITERS }).meta.delimiter;
  return DELIMITERS.includes(guess) ? guess : ',';
}

const MAX_CELLS = 500;
const MAX_ROW_CHARS = 1 << 20;

/**
 * The rows of a CSV file, header first, in batches as the file is read: comma, semicolon, tab or pipe
 * separated (guessed from the first lines), any line ending, quoted fields with newlines and quotes, a BOM.
 * Memory stays at about one slice of the file whatever its size.
 */
export async function* readCsvRows(file: Blob, opts: CsvReadOptions = {}): AsyncGenerator<RowBatch> {
  let parser: Papa.Parser | undefined;
  let newline = '\n';
  let rest = '';
  let line = 1;
  const pending: CsvRow[] = [];
  const take = (data: string[][]) => {
    for (const cells of data) {
      const start = line;
      // Each row used one line ending plus the newlines inside its quoted cells.
      for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) line++;
      line++;
      if (cells.length > MAX_CELLS) throw new CsvFileError('too-wide', `Line ${start} has ${cells.length} columns; is this really a list of people?`);
      if (cells.length === 1 && cells[0] === '') continue;
      pending.push({ line: start, cells });
    }
  };
  let bytes = 0;
  for await (const chunk of readText(file, opts)) {
    bytes = chunk.bytes;
    let text = rest + chunk.text;
    if (!parser) {
      newline = guessNewline(text.slice(0, 65536));
      parser = new Papa.Parser({ delimiter: guessDelimiter(text.slice(0, 65536)), newline } as Papa.ParseConfig);
    }
    const finished = bytes >= file.size;
    const result = parser.parse(text, 0, !finished) as { data: string[][]; meta: { cursor: number } };
    rest = finished ? '' : text.slice(result.meta.cursor);
    text = '';
    take(result.data);
    if (rest.length > MAX_ROW_CHARS) {
      throw new CsvFileError('too-wide', `A quoted cell starting on line ${line} never ends (over a million characters). Check the quotes in the file.`);
    }
    if (pending.length) yield { rows: pending.splice(0), bytes, total: file.size };
  }
  if (rest) {
    const result = parser!.parse(rest, 0, false) as { data: string[][] };
    take(result.data);
  }
  if (pending.length) yield { rows: pending.splice(0), bytes, total: file.size };
}
