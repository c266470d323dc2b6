export * from './errors';
export { ENCODINGS, type Encoding } from './decode';
export { IMPORT_FIELDS, guessMapping, unmappedHeaders, type FieldId, type Mapping } from './fields';
export { escapeCell, unescapeCell } from './cells';
export { previewCsv, importCsv, type CsvPreview, type ImportProgress, type ImportSummary } from './import';
export { rejectsCsv, REJECTS_SHOWN } from './rejects';
export { exportCsv, EXPORT_HEADER } from './export';
export type { Reject } from './record';
