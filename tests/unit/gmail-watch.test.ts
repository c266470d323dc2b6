// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchGmail } from '@/lib/sites/gmail/watch';

// Fake timers: the watcher's coalescing timer fires when the test runs it, not after real milliseconds, so the
// exact call counts below hold on a loaded machine. Mutation records arrive as microtasks, which run first.
const settle = () => vi.runAllTimersAsync();

describe('watchGmail', () => {
  let controller: AbortController;
  let calls: number;
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = `
      <div role="navigation" id="nav"><span id="counter">1</span></div>
      <div id="view"><div role="main" id="main"><div id="thread"></div></div></div>
      <div class="dw" id="dw"></div>`;
    controller = new AbortController();
    calls = 0;
    watchGmail(window, controller.signal, () => calls++, 5);
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('does nothing while the page is still', async () => {
    await settle();
    expect(calls).toBe(0);
  });

  it('ignores changes outside the main view and the compose host', async () => {
    document.getElementById('counter')!.textContent = '2';
    document.getElementById('nav')!.append(document.createElement('span'));
    await settle();
    expect(calls).toBe(0);
  });

  it('coalesces a burst of changes in the main view into one run', async () => {
    const thread = document.getElementById('thread')!;
    for (let i = 0; i < 20; i++) thread.append(document.createElement('div'));
    await settle();
    expect(calls).toBe(1);
  });

  it('notices a compose window opening and a recipient chip changing', async () => {
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.getElementById('dw')!.append(dialog);
    await settle();
    expect(calls).toBe(1);
    const chip = document.createElement('div');
    dialog.append(chip);
    await settle();
    chip.setAttribute('data-hovercard-id', 'a@b.example');
    await settle();
    expect(calls).toBe(3);
  });

  it('follows Gmail replacing the main view, and watches the new one', async () => {
    const fresh = document.createElement('div');
    fresh.setAttribute('role', 'main');
    document.getElementById('main')!.replaceWith(fresh);
    await settle();
    expect(calls).toBe(1);
    fresh.append(document.createElement('div'));
    await settle();
    expect(calls).toBe(2);
  });

  it('runs at once on a hash change, even just after a run (another thread is not held back)', async () => {
    document.getElementById('thread')!.append(document.createElement('div'));
    await settle();
    expect(calls).toBe(1);
    window.dispatchEvent(new Event('hashchange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
  });

  it('re-detects on hash change, and stops entirely when aborted', async () => {
    window.dispatchEvent(new Event('hashchange'));
    await settle();
    expect(calls).toBe(1);
    controller.abort();
    window.dispatchEvent(new Event('hashchange'));
    document.getElementById('thread')!.append(document.createElement('div'));
    await settle();
    expect(calls).toBe(1);
  });
});
