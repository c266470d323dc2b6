// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLinkedIn, type WatchContext } from '@/lib/sites/linkedin/watch';

// Fake timers: the watcher's timers fire when the test runs them, not after real milliseconds, so the exact
// call counts below hold on a loaded machine. Mutation records arrive as microtasks, which run first.
const tick = () => vi.runAllTimersAsync();

function setup() {
  document.body.innerHTML = '<header id="nav"><span id="badge">1</span></header><div class="application-outlet"><main id="main"><p>a</p></main></div>';
  const controller = new AbortController();
  const listeners = new Map<string, () => void>();
  const ctx: WatchContext = {
    signal: controller.signal,
    addEventListener: (_t, type, handler) => listeners.set(type, handler),
  };
  const onChange = vi.fn();
  watchLinkedIn(ctx, window, onChange, 0);
  return { controller, listeners, onChange };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('LinkedIn page watcher', () => {
  it('does nothing while the page is still or when only the header changes', async () => {
    const { onChange } = setup();
    await tick();
    document.getElementById('badge')!.textContent = '2';
    document.getElementById('nav')!.append(document.createElement('i'));
    await tick();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('runs once for a burst of changes in main', async () => {
    const { onChange } = setup();
    const main = document.getElementById('main')!;
    for (let i = 0; i < 20; i++) main.append(document.createElement('li'));
    await tick();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('follows a route change that swaps main, and the overlay appearing', async () => {
    const { onChange, listeners } = setup();
    const fresh = document.createElement('main');
    document.querySelector('.application-outlet')!.replaceChildren(fresh);
    listeners.get('wxt:locationchange')!();
    await tick();
    const calls = onChange.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    fresh.append(document.createElement('section'));
    await tick();
    expect(onChange.mock.calls.length).toBe(calls + 1);
    const overlay = document.createElement('aside');
    overlay.id = 'msg-overlay';
    document.body.append(overlay);
    await tick();
    overlay.append(document.createElement('div'));
    await tick();
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(calls + 3);
  });

  it('notices a wrapper of main swapped deep in the app, without a navigation event', async () => {
    document.body.innerHTML = '<div id="app"><div id="wrap"><main><p>a</p></main></div></div>';
    const controller = new AbortController();
    const onChange = vi.fn();
    watchLinkedIn({ signal: controller.signal, addEventListener: () => undefined }, window, onChange, 0);
    const wrap = document.createElement('div');
    const fresh = document.createElement('main');
    wrap.append(fresh);
    document.getElementById('wrap')!.replaceWith(wrap);
    await tick();
    const calls = onChange.mock.calls.length;
    fresh.append(document.createElement('section'));
    await tick();
    expect(onChange.mock.calls.length).toBe(calls + 1);
    controller.abort();
  });

  it('stops when the content script is invalidated', async () => {
    const { onChange, controller } = setup();
    controller.abort();
    document.getElementById('main')!.append(document.createElement('li'));
    await tick();
    expect(onChange).not.toHaveBeenCalled();
  });
});
