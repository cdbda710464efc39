/**
 * Data the rules derive from the known units (groups and indexes for their searches), built once per set and kept
 * as long as the set lives. A set handed to the rules is not changed afterwards; one whose size changed anyway is
 * derived again.
 */

/** Wraps `derive` so that it runs once per set of known units. */
export function perKnownSet<T>(derive: (known: ReadonlySet<string>) => T): (known: ReadonlySet<string>) => T {
  const cache = new WeakMap<ReadonlySet<string>, { size: number; value: T }>();
  return (known) => {
    const hit = cache.get(known);
    if (hit && hit.size === known.size) return hit.value;
    const value = derive(known);
    cache.set(known, { size: known.size, value });
    return value;
  };
}
