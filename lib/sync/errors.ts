/**
 * How a failed call is handled:
 * - `auth`: the token is wrong or expired; sync stops for everything until the connection is fixed.
 * - `record`: the CRM refused this data (invalid field); only the records in the call wait, with the reason.
 * - `stop`: the CRM says stop sending (webhook 410, daily quota); sync stops with the reason.
 * - `later`: transient but retrying now is pointless (long Retry-After, daily quota); the engine resumes at
 *   `retryAt`, stored so a restarted service worker waits too.
 * - `aborted`: the engine was stopped (service worker shutting down); the outbox is untouched.
 */
export type SyncErrorKind = 'auth' | 'record' | 'stop' | 'later' | 'aborted';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly retryAt?: number,
    /** A `later` that says nothing about this batch (a daily quota): it does not count against the batch. */
    readonly quota = false,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
