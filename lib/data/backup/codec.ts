// JSON has no typed arrays; the scoreboard keeps its columns in them. They travel tagged and come back as
// the same typed array type.
const TYPED = { Float64Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;

export function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Float64Array || value instanceof Uint8Array) {
    return { $typed: value.constructor.name as TypedName, data: Array.from(value) };
  }
  return value;
}

export function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$typed' in value && 'data' in value) {
    const { $typed, data } = value as { $typed: string; data: unknown };
    if (($typed === 'Float64Array' || $typed === 'Uint8Array') && Array.isArray(data)) return TYPED[$typed].from(data as number[]);
  }
  return value;
}
