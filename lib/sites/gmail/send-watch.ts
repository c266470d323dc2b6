import { composeRootOf, readDraft } from './compose';
import { accountEmail, type GmailExtractOptions } from './extract';
import { GMAIL } from './selectors';
import type { GmailDraft } from './types';

/**
 * Calls `onSend(draft)` when the rep sends from a compose window: a click on its Send button or Ctrl/Cmd+Enter
 * inside it. Listens in the capture phase so the window is read before Gmail closes it; two listeners on the
 * document and no work until one fires. Stops with `signal`.
 */
export function watchComposeSend(
  doc: Document,
  signal: AbortSignal,
  options: () => GmailExtractOptions,
  onSend: (draft: GmailDraft) => void,
): void {
  const read = (root: Element) => {
    const o = options();
    onSend(readDraft(root, { account: accountEmail(doc), internalDomains: o.internalDomains, neverCapture: o.neverCapture }, o.bodyChars ?? 0));
  };
  const rootOf = (target: EventTarget | null) => {
    const el = target instanceof (doc.defaultView?.Element ?? Element) ? (target as Element) : null;
    const root = el ? composeRootOf(el) : null;
    return root?.querySelector(GMAIL.composeSubject) ? root : null;
  };
  doc.addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest?.(GMAIL.composeSend);
      const root = button ? rootOf(button) : null;
      if (root) read(root);
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.repeat) return;
      const root = rootOf(e.target);
      if (root) read(root);
    },
    { capture: true, signal },
  );
}
