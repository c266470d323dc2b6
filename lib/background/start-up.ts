/**
 * What a service worker start owes besides answering (the badge's reminders, resuming an interrupted sync)
 * runs after the first answer, so the tab that woke the worker is not kept waiting behind IndexedDB scans.
 * A worker woken by something other than a request (an alarm, a notification click) gets it shortly anyway.
 */
export function startUpAfterFirstAnswer(work: () => void, fallbackMs = 1000): { answered: () => void } {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    work();
  };
  const fallback = setTimeout(run, fallbackMs);
  // A new task: the answer has been posted to its sender before the work starts.
  return { answered: () => void setTimeout(run, 0) };
}
