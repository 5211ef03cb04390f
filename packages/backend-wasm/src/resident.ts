import type { Heap } from "./heap.js";

/**
 * Copies of large constant inputs kept inside wasm memory, so a training loop that multiplies by the
 * same X every iteration copies (and packs) it once, not per call.
 *
 * Keyed by the input's Float64Array (a WeakMap), which is sound because Matrix values are immutable by
 * contract: the same array always holds the same numbers. One array may have several forms (its plain
 * copy, its packed panels, its packed transpose), each keyed by a form string that includes the shape.
 *
 * - Admission: an array is kept only when it is at least `minBytes` and has been seen before, so the
 *   per-iteration arrays (W1, the gradients) pass through without filling the cache; an array of at
 *   least `eagerBytes` (4 MiB: data, such as X) is kept from its first use. Arrays in the backend's own
 *   storage (`isStorage`: a recycler's, whose numbers change from step to step) never are. (Results are
 *   not kept: copying a 2 MB operand in costs ~0.1 ms, far less than the bookkeeping of a weakly keyed
 *   entry per result costs the garbage collector.)
 * - Budget: at most `budgetBytes` stay resident; least recently used entries are evicted first, never
 *   one used by the call in progress (`beginCall` starts a call).
 * - Release: an evicted entry frees its blocks at once; an entry whose array is garbage-collected frees
 *   them through a FinalizationRegistry (which runs between tasks, never inside a backend call).
 */
export interface ResidentCache {
  readonly beginCall: () => void;
  /** The address of `data`'s resident copy in `form`, if there is one. */
  readonly find: (data: Float64Array, form: string) => number | undefined;
  /**
   * Offers a freshly filled block to the cache. Returns true when the cache kept it (the caller must not
   * release it), false when the caller still owns it.
   */
  readonly offer: (data: Float64Array, form: string, address: number, bytes: number) => boolean;
  /**
   * Whether a resident array's numbers are all finite, by `check` once per array (kept with its entry);
   * undefined when `data` is not resident.
   */
  readonly allFinite: (data: Float64Array, check: () => boolean) => boolean | undefined;
  readonly clear: () => void;
  readonly stats: () => { readonly bytes: number; readonly arrays: number };
}

// No WeakRef to the key: a WeakRef keeps its target alive until the current job ends, and a training
// loop is one long job, so every result would stay alive. An evicted entry stays in the WeakMap, marked.
interface Entry {
  readonly forms: Map<string, { readonly address: number; readonly bytes: number }>;
  call: number;
  evicted: boolean;
  finite?: boolean;
}

export interface ResidentOptions {
  readonly heap: Heap;
  readonly budgetBytes: number;
  readonly minBytes: number;
  /** Whether `data` is the backend's own storage, which a recycler hands out again: never kept. */
  readonly isStorage: (data: Float64Array) => boolean;
  /**
   * Arrays this large are kept from their first use: only data is this big (the cat model's X is 20 MB),
   * and copying and packing it a second time would cost as much as a whole training step.
   */
  readonly eagerBytes?: number;
}

export const createResidentCache = ({
  heap,
  budgetBytes,
  minBytes,
  isStorage,
  eagerBytes = 4 * 2 ** 20,
}: ResidentOptions): ResidentCache => {
  let entries = new WeakMap<Float64Array, Entry>();
  let seen = new WeakSet<Float64Array>();
  // Insertion order is recency order: touching an entry re-inserts it.
  const recency = new Set<Entry>();
  let bytes = 0;
  let call = 0;

  const drop = (entry: Entry): void => {
    if (entry.evicted) return;
    entry.evicted = true;
    for (const block of entry.forms.values()) {
      heap.release(block.address);
      bytes -= block.bytes;
    }
    entry.forms.clear();
    recency.delete(entry);
  };
  const registry = new FinalizationRegistry<Entry>(drop);

  const evict = (entry: Entry): void => {
    registry.unregister(entry);
    drop(entry);
  };
  const live = (data: Float64Array): Entry | undefined => {
    const entry = entries.get(data);
    return entry?.evicted === false ? entry : undefined;
  };

  const touch = (entry: Entry): void => {
    entry.call = call;
    recency.delete(entry);
    recency.add(entry);
  };

  const find = (data: Float64Array, form: string): number | undefined => {
    const entry = live(data);
    const block = entry?.forms.get(form);
    if (entry === undefined || block === undefined) return undefined;
    touch(entry);
    return block.address;
  };

  const makeRoom = (needed: number): boolean => {
    for (const entry of recency) {
      if (bytes + needed <= budgetBytes) break;
      if (entry.call !== call) evict(entry);
    }
    return bytes + needed <= budgetBytes;
  };

  const offer = (data: Float64Array, form: string, address: number, size: number): boolean => {
    // A recycled array holds other numbers next step: never a constant input.
    if (data.byteLength < minBytes || isStorage(data)) return false;
    let entry = live(data);
    if (entry === undefined && data.byteLength < eagerBytes && !seen.has(data) && !entries.has(data)) {
      seen.add(data);
      return false;
    }
    if (!makeRoom(size)) return false;
    if (entry === undefined) {
      entry = { forms: new Map(), call, evicted: false };
      entries.set(data, entry);
      registry.register(data, entry, entry);
    }
    entry.forms.set(form, { address, bytes: size });
    bytes += size;
    touch(entry);
    return true;
  };

  const clear = (): void => {
    for (const entry of [...recency]) evict(entry);
    entries = new WeakMap();
    seen = new WeakSet();
  };

  return {
    beginCall: () => {
      call++;
    },
    find,
    offer,
    allFinite: (data, check) => {
      const entry = live(data);
      if (entry !== undefined) entry.finite ??= check();
      return entry?.finite;
    },
    clear,
    stats: () => ({ bytes, arrays: recency.size }),
  };
};
