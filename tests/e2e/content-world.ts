import type { Page } from '@playwright/test';
import type { Launched } from '../support/launch';

/**
 * Runs code inside Touchline's own content-script world on `page` (the isolated world Chromium gives the
 * extension there, found through the DevTools protocol), so a test can send exactly what a compromised
 * Gmail or LinkedIn script could: same origin, same tab, same frame, same `chrome.runtime`.
 */
export async function inContentScript<T>(ext: Launched, page: Page, expression: string): Promise<T> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(ext.extensionId)) ?? contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Touchline');
  if (!world) throw new Error(`Touchline's content-script world was not found on ${page.url()}: ${JSON.stringify(contexts)}`);
  const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}

/** A request as the content script on `page` sends it, with the background's answer as it arrives. */
export function requestFromContentScript(ext: Launched, page: Page, type: string, payload: unknown) {
  return inContentScript<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>(
    ext,
    page,
    `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`,
  );
}
