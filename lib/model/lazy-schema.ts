/**
 * A schema built the first time it is used, not when its module loads.
 *
 * Why: the service worker evaluates every module at each cold start (MV3 allows no runtime import()), and
 * zod binds every method onto each schema it builds; building all ~1,250 of them eagerly was most of the
 * worker's start-up before it could answer the first request. Behind this proxy a schema costs nothing
 * until a request (or a write) actually parses with it. It behaves as the schema itself: methods, `_zod`,
 * `instanceof` checks and composition inside other schemas all reach the real one.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const schema = () => (real ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // The proxy's own target is an empty object: report every property as configurable to keep the invariants.
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(schema(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
