import { CsvFileError } from './errors';

export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface TextChunk {
  text: string;
  /** Bytes of the file read so far (for the progress bar). */
  bytes: number;
}

/** A BOM decides the encoding whatever was chosen (a UTF-16 file read as UTF-8 would be garbage). */
function sniff(head: Uint8Array, chosen: Encoding): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  return chosen;
}

/**
 * Reads a file as text in slices (never the whole file in memory), decoding across slice boundaries so a
 * character split between two slices survives. UTF-8 is checked strictly: a file saved in another encoding
 * stops with a message naming the line, instead of importing names with broken letters.
 */
export async function* readText(
  file: Blob,
  opts: { encoding?: Encoding; chunkBytes?: number; signal?: AbortSignal } = {},
): AsyncGenerator<TextChunk> {
  const size = opts.chunkBytes ?? 1 << 20;
  if (file.size === 0) throw new CsvFileError('empty', 'The file is empty.');
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const encoding = sniff(head, opts.encoding ?? 'utf-8');
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let lines = 1;
  for (let offset = 0; offset < file.size; offset += size) {
    if (opts.signal?.aborted) throw new CsvFileError('cancelled', 'Import cancelled.');
    const bytes = new Uint8Array(await file.slice(offset, offset + size).arrayBuffer());
    if (encoding.startsWith('utf-8') && bytes.includes(0)) {
      throw new CsvFileError('binary', 'This does not look like a CSV file (it contains binary data). Export your list as CSV and try again.');
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: offset + size < file.size });
    } catch {
      throw new CsvFileError(
        'encoding',
        `The file is not UTF-8 text (the first bad character is on line ${lines} or later). Choose the encoding it was saved in (spreadsheets on Windows often use Windows-1252) and try again.`,
      );
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    yield { text, bytes: Math.min(file.size, offset + size) };
  }
}
