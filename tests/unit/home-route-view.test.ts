// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { routeView } from '@/components/home/route-view';
import type { RouteProps } from '@/components/home/routes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const View = ({ params }: RouteProps) => createElement('p', null, `view ${params.id}`);

async function render(C: React.ComponentType<RouteProps>) {
  const el = document.createElement('div');
  const root = createRoot(el);
  await act(async () => root.render(createElement(C, { params: { id: 'p1' } })));
  return { el, root };
}

describe('routeView', () => {
  it('a view preloaded before it mounts draws in its first render, never through "Loading…"', async () => {
    let loads = 0;
    const route = routeView(async () => (loads++, View));
    await route.preload();
    const el = document.createElement('div');
    const root = createRoot(el);
    act(() => root.render(createElement(route.Component, { params: { id: 'p1' } })));
    expect(el.textContent).toBe('view p1');
    await route.preload();
    expect(loads).toBe(1);
    act(() => root.unmount());
  });

  it('otherwise says it is loading, then draws the view in the same mount', async () => {
    let resolve!: (c: typeof View) => void;
    const route = routeView(() => new Promise((r) => (resolve = r)));
    const { el, root } = await render(route.Component);
    expect(el.textContent).toBe('Loading…');
    await act(async () => resolve(View));
    expect(el.textContent).toBe('view p1');
    act(() => root.unmount());
  });

  it('a chunk that fails to load says so, and the next visit tries again', async () => {
    let fail = true;
    const route = routeView(async () => {
      if (fail) throw new Error('chunk gone');
      return View;
    });
    const first = await render(route.Component);
    expect(first.el.querySelector('[role="alert"]')?.textContent).toContain('chunk gone');
    act(() => first.root.unmount());
    fail = false;
    const second = await render(route.Component);
    expect(second.el.textContent).toBe('view p1');
    act(() => second.root.unmount());
  });
});
