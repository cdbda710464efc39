/**
 * Facts about a text that several rules read (its whitespace runs, paragraph starts, role lines), computed once per
 * repair. They are kept by the rule context that repair() creates for the call, so they never outlive it: two
 * texts never share them, nor do two repairs of one text.
 */

/** Wraps `compute` so that it runs once per text and scope (the rule context). */
export function perText<S extends object, T>(
  compute: (raw: string, scope: S) => T,
): (raw: string, scope: S) => T {
  const cache = new WeakMap<S, { raw: string; value: T }>();
  return (raw, scope) => {
    const hit = cache.get(scope);
    if (hit && hit.raw === raw) return hit.value;
    const value = compute(raw, scope);
    cache.set(scope, { raw, value });
    return value;
  };
}
