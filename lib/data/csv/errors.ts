/** A file the import cannot read, with a message that says what to do about it. Nothing was written. */
export class CsvFileError extends Error {
  constructor(
    readonly code: 'encoding' | 'binary' | 'empty' | 'no-header' | 'cancelled' | 'too-wide',
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}
