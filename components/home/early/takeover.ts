/**
 * The handover from the early paint to React. The early screen sits before #root, which renders out of
 * sight meanwhile: laid out (visibility, not display, so the timeline's virtualiser measures real rows) but
 * not seen, not read by screen readers and not clickable. When React's view has drawn the same screen, one
 * call swaps them inside a frame, so nothing flashes and nothing drawn early moves.
 */

let early: HTMLElement | undefined;
let over = false;

/**
 * Shows `screen` in place of React's root, unless React has taken over or already shows something (a read
 * slower than the main code's wait, early-paint.ts): then it is dropped rather than put over React's screen.
 */
export function showEarly(screen: HTMLElement): boolean {
  const root = document.getElementById('root');
  if (over || !root || root.childElementCount) return false;
  early?.remove();
  root.before(screen);
  root.style.cssText = 'position:absolute;top:0;left:0;right:0;visibility:hidden';
  early = screen;
  return true;
}

/** What was typed into the early search box goes to the live one, with the focus. */
function handOverSearch(from: HTMLElement, root: HTMLElement): void {
  const typed = from.querySelector<HTMLInputElement>('input[role="combobox"]');
  const live = root.querySelector<HTMLInputElement>('input[role="combobox"]');
  if (!typed || !live) return;
  const focused = document.activeElement === typed;
  if (typed.value) {
    // React follows an input's value through its `input` event, set the way typing sets it.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(live, typed.value);
    live.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (focused) live.focus();
}

/** React's view is drawn: the early screen goes and React's shows, in the same frame. Later calls do nothing. */
export function takeOver(): void {
  if (over) return;
  over = true;
  performance.mark('touchline:takeover');
  const root = document.getElementById('root');
  if (!early || !root) return;
  root.style.cssText = '';
  handOverSearch(early, root);
  early.remove();
  early = undefined;
}
