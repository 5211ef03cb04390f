/**
 * Every typed array (any ArrayBuffer view) reachable from `root` through plain objects, arrays, Maps,
 * Sets and matrices, or `undefined` when the walk meets something it cannot see into (a function's
 * closure, a class instance's private state), where an array could hide. A matrix is walked as its
 * numbers: its backend is where it computes, not data (and is made of functions).
 */
export const reachableViews = (root: unknown): ReadonlyArray<ArrayBufferView> | undefined => {
  const views: ArrayBufferView[] = [];
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "function") return undefined;
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) views.push(value);
    else if (Array.isArray(value)) pending.push(...value);
    else if (value instanceof Map) for (const [k, v] of value) pending.push(k, v);
    else if (value instanceof Set) pending.push(...value);
    else if (isMatrix(value)) pending.push(value.data);
    else if (isPlainObject(value)) pending.push(...Object.values(value));
    else return undefined;
  }
  return views;
};

const isMatrix = (value: object): value is { readonly data: ArrayBufferView } =>
  "backend" in value && "data" in value && ArrayBuffer.isView(value.data);

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Whether two views share bytes (a subarray of an array, or two windows onto one memory). */
export const overlaps = (a: ArrayBufferView, b: ArrayBufferView): boolean =>
  a.buffer === b.buffer &&
  a.byteOffset < b.byteOffset + b.byteLength &&
  b.byteOffset < a.byteOffset + a.byteLength;
