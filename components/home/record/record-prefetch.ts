import { getDb } from '@/lib/db/database';
import { FIRST_TOUCHES, readRecord, type RecordRead } from '@/lib/home/record-read';
import { takeEarlyRecord } from '../early/early-paint';

type Read = RecordRead | { prospect: null };

/** The record page's first read, started at boot (components/home/boot.ts) while the view's chunk loads. */
let early: { id: string; value?: Read; promise: Promise<Read | undefined> } | undefined;

export function prefetchRecord(id: string): void {
  // The early paint's plain IndexedDB read of the same rows, when it made one: no second read.
  const read = takeEarlyRecord(id)?.catch(() => readRecord(getDb(), id, FIRST_TOUCHES)) ?? readRecord(getDb(), id, FIRST_TOUCHES);
  const entry: NonNullable<typeof early> = {
    id,
    promise: read.then(
      (value) => (entry.value = value),
      () => undefined, // the live query reads again and reports the error
    ),
  };
  early = entry;
}

/** The boot read of this record, if one was started: its value when already in, and its promise. */
export function takePrefetched(id: string): { value?: Read; promise: Promise<Read | undefined> } | undefined {
  const entry = early?.id === id ? early : undefined;
  early = undefined; // one use: a later visit to this record reads afresh
  return entry;
}
