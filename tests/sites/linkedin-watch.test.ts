// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { watchLinkedIn, type WatchContext } from '@/lib/sites/linkedin/watch';
import { FIXTURES } from './linkedin-load';

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

/** A fixture's body in the test's own document (the watcher observes `window.document`). */
function mount(file: string) {
  const parsed = new DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
}

const chatOverlay = () => {
  const parsed = new DOMParser().parseFromString(readFileSync(join(FIXTURES, 'linkedin/chat-bubble-2025-06.html'), 'utf8'), 'text/html');
  return document.importNode(parsed.querySelector('aside#msg-overlay')!, true);
};

/** Every observe() call the watcher makes, to prove what it watches while the page is idle. */
function spyObserve() {
  const calls: Array<{ target: Node; subtree: boolean }> = [];
  const original = MutationObserver.prototype.observe;
  vi.spyOn(MutationObserver.prototype, 'observe').mockImplementation(function (this: MutationObserver, target, options) {
    calls.push({ target, subtree: !!options?.subtree });
    return original.call(this, target, options);
  });
  return {
    /** Everything observed with its subtree: only content roots (main, the chat overlay) may be. */
    subtrees: () => [...new Set(calls.filter((c) => c.subtree).map((c) => c.target as Element))],
    lists: () => new Set(calls.filter((c) => !c.subtree).map((c) => c.target)),
  };
}

function start() {
  const controller = new AbortController();
  const onChange = vi.fn();
  watchLinkedIn({ signal: controller.signal, addEventListener: () => undefined }, window, onChange, 0);
  return { controller, onChange };
}

const PROFILE_URL = 'https://www.linkedin.com/in/ingrid-holm-demo/';
const chatWith = () => extractLinkedIn(document, PROFILE_URL).conversations?.map((c) => c.with.name) ?? [];

describe('LinkedIn watcher: content roots that appear late (2025 pages)', () => {
  afterEach(() => vi.restoreAllMocks());

  // Where the real 2024-07 and 2025-04 saves mount the overlay's container (tests/fixtures/real).
  const hosts: Array<[string, () => Element]> = [
    ['body > div.ember-view (2025-04-b, as the fixture has it)', () => document.getElementById('ember98')!],
    ['.application-outlet > div.ember-view (2025-04)', () => {
      const wrap = document.getElementById('ember98')!;
      document.querySelector('.application-outlet')!.append(wrap);
      return wrap;
    }],
    ['body, no wrapper (2024-07)', () => {
      const container = document.querySelector('.application-outlet__overlay-container')!;
      document.body.append(container);
      document.getElementById('ember98')!.remove();
      return document.body;
    }],
  ];

  it.each(hosts)('notices a chat bubble rendered after load under %s, watching only child lists until then', async (_where, place) => {
    mount('linkedin/profile-late-chat-2025-06.html');
    place();
    const seen = spyObserve();
    const { onChange, controller } = start();
    await tick();
    expect(onChange).not.toHaveBeenCalled();
    expect(seen.subtrees()).toEqual([document.querySelector('main')]);
    expect(chatWith()).toEqual([]);

    // Toasts and notifications outside the roots come and go without a detection run.
    document.querySelector('.artdeco-toasts_toasts')!.append(document.createElement('div'));
    await tick();
    expect(onChange).not.toHaveBeenCalled();

    document.querySelector('.application-outlet__overlay-container')!.append(chatOverlay());
    await tick();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(chatWith()).toEqual(['Lucía Ferreira']);
    // Narrowed to the overlay once it exists: a new message in the bubble is a change.
    expect(seen.subtrees()).toEqual([document.querySelector('main'), document.getElementById('msg-overlay')]);
    document.querySelector('#msg-overlay .msg-s-message-list-content')!.append(document.createElement('li'));
    await tick();
    expect(onChange).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('waits on a wrapper that arrives empty after load, then on the container inside it', async () => {
    mount('linkedin/profile-late-chat-2025-06.html');
    document.getElementById('ember98')!.remove();
    const seen = spyObserve();
    const { onChange, controller } = start();
    const wrap = document.createElement('div');
    wrap.className = 'ember-view';
    document.body.append(wrap);
    await tick();
    const container = document.createElement('div');
    container.className = 'application-outlet__overlay-container';
    wrap.append(container);
    await tick();
    expect(onChange).not.toHaveBeenCalled();
    expect(seen.lists().has(container)).toBe(true);
    container.append(chatOverlay());
    await tick();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(chatWith()).toEqual(['Lucía Ferreira']);
    expect(seen.subtrees().every((el) => el.matches('main, #msg-overlay'))).toBe(true);
    controller.abort();
  });

  it('notices a main rendered lazily deep in an SDUI app (2025-04 connections shape) without observing any subtree first', async () => {
    document.body.innerHTML =
      '<header id="nav"><span id="badge">1</span></header><div id="root"><div><div class="_16rb9d5 _1xoe5hdq"><div class="_16rb9de _1xoe5hdq"></div></div></div></div>';
    const seen = spyObserve();
    const { onChange, controller } = start();
    document.getElementById('badge')!.append(document.createElement('i'));
    await tick();
    expect(onChange).not.toHaveBeenCalled();
    expect(seen.subtrees()).toEqual([]);

    const main = document.createElement('main');
    main.innerHTML = '<ul><li data-view-name="connections-list">a</li></ul>';
    document.querySelector('._16rb9de')!.append(main);
    await tick();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(seen.subtrees()).toEqual([main]);
    main.querySelector('ul')!.append(document.createElement('li'));
    await tick();
    expect(onChange).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('notices a main rendered into layout wrappers the app inserted empty', async () => {
    document.body.innerHTML = '<div class="application-outlet"><header id="global-nav"></header></div>';
    const seen = spyObserve();
    const { onChange, controller } = start();
    const shell = document.createElement('div');
    shell.className = 'dVvmFjRqKNpfXhrzQhhMUcSb';
    shell.innerHTML = '<div class="scaffold-layout__inner"><div class="scaffold-layout__row"></div></div>';
    document.querySelector('.application-outlet')!.append(shell);
    await tick();
    expect(onChange).not.toHaveBeenCalled();
    document.querySelector('.scaffold-layout__row')!.append(document.createElement('main'));
    await tick();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(seen.subtrees()).toEqual([document.querySelector('main')]);
    controller.abort();
  });
});
