/**
 * A value React can subscribe to (useSyncExternalStore). `set` ignores values equal to the current one by
 * their JSON, so a DOM mutation that changes nobody on the page re-renders nothing.
 */
export function createValueStore<T>(initial: T) {
  let current = initial;
  let signature = JSON.stringify(initial);
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next: T): boolean {
      const nextSignature = JSON.stringify(next);
      if (nextSignature === signature) return false;
      current = next;
      signature = nextSignature;
      for (const l of listeners) l();
      return true;
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
export type ValueStore<T> = ReturnType<typeof createValueStore<T>>;
