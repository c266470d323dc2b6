/**
 * What a service worker start owes besides answering (the badge's reminders, resuming an interrupted sync)
 * waits until the page that woke the worker has had its answers: it needs background-full.js, whose loading
 * (~40 ms of parsing on a slow machine) would otherwise sit between a page's first request (page.open) and
 * the next ones (page.people, inbox.stages) that follow it within a few milliseconds. It runs once requests
 * have been quiet for `quietMs`, and at the latest `latestMs` after the worker started (a worker woken by an
 * alarm or a notification click, or by a stream of requests).
 */
export function startUpAfterFirstAnswer(work: () => void, { quietMs = 150, latestMs = 1000 } = {}): { answered: () => void } {
  let done = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(quiet);
    clearTimeout(latest);
    work();
  };
  const latest = setTimeout(run, latestMs);
  return {
    answered: () => {
      if (done) return;
      clearTimeout(quiet);
      quiet = setTimeout(run, quietMs);
    },
  };
}
