import { browser } from 'wxt/browser';
import type { Result } from './define';
import type { RequestOf, RequestType, ResponseOf } from './contract';

export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Sends one request to the background and returns its typed answer, or throws a RequestError to show. */
export async function send<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  let result: Result<ResponseOf<K>> | undefined;
  try {
    result = (await browser.runtime.sendMessage({ type, payload })) as Result<ResponseOf<K>> | undefined;
  } catch (err) {
    // The extension was reloaded or updated while this page stayed open: its old content script is orphaned.
    throw new RequestError('disconnected', `Touchline could not reach its background (${(err as Error).message}). Reload the page.`);
  }
  if (!result) throw new RequestError('no-answer', 'Touchline\u2019s background did not answer.');
  if (!result.ok) throw new RequestError(result.error.code, result.error.message);
  return result.value;
}
