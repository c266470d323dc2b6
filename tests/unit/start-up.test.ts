import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUpAfterFirstAnswer } from '@/lib/background/start-up';

describe("the worker's start-up work", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('waits until a burst of answers is over, then runs once', () => {
    const work = vi.fn();
    const { answered } = startUpAfterFirstAnswer(work, { quietMs: 150, latestMs: 1000 });
    answered();
    vi.advanceTimersByTime(100);
    answered(); // page.people, shortly after page.open
    vi.advanceTimersByTime(100);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(work).toHaveBeenCalledTimes(1);
    answered();
    vi.advanceTimersByTime(2000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at the latest after latestMs: a worker woken by an alarm, or by a stream of requests', () => {
    const idle = vi.fn();
    startUpAfterFirstAnswer(idle, { quietMs: 150, latestMs: 1000 });
    vi.advanceTimersByTime(1000);
    expect(idle).toHaveBeenCalledTimes(1);

    const busy = vi.fn();
    const { answered } = startUpAfterFirstAnswer(busy, { quietMs: 150, latestMs: 1000 });
    for (let t = 0; t < 1000; t += 100) {
      answered();
      vi.advanceTimersByTime(100);
    }
    expect(busy).toHaveBeenCalledTimes(1);
  });
});
