import { describe, expect, it } from "vitest";
import {
  type Backend,
  createRecycler,
  full,
  jsBackend,
  type Matrix,
  matmul,
  multiply,
  RECYCLE_MIN_LENGTH,
  storageOn,
  toBackend,
  zeroStorageOn,
  zeros,
} from "../src/index.js";
import { reachableViews } from "../src/reachable.js";

const N = RECYCLE_MIN_LENGTH;

describe("storage outside a recycler's step", () => {
  it("is a fresh zero-filled array", () => {
    const recycler = createRecycler(jsBackend);
    const a = zeroStorageOn(recycler.backend, N);
    expect(a).toHaveLength(N);
    expect(a.every((x) => x === 0)).toBe(true);
    expect(recycler.owns(a)).toBe(false);
    expect(storageOn(jsBackend, N)).not.toBe(a);
  });
});

describe("createRecycler", () => {
  it("hands a dead array out again in the next step, and never one the survivors reach", () => {
    const recycler = createRecycler(jsBackend);
    const take = () => storageOn(recycler.backend, N);
    const [dead, kept] = recycler.step(
      () => [take(), take()] as const,
      ([, survivor]) => ({ state: [survivor] }),
    );
    kept.fill(7);
    const [again, other] = recycler.step(
      () => [take(), take()] as const,
      () => kept,
    );
    expect(again).toBe(dead);
    expect(other).not.toBe(kept);
    expect(kept.every((x) => x === 7)).toBe(true);
    expect(recycler.owns(again)).toBe(true);
    expect(recycler.stats()).toEqual({ live: 1, free: 2, enabled: true });
  });

  it("zero-fills a recycled array for zeroStorageOn, as a fresh one would be", () => {
    const recycler = createRecycler(jsBackend);
    recycler.step(
      () => storageOn(recycler.backend, N).fill(3),
      () => undefined,
    );
    const reused = recycler.step(
      () => zeroStorageOn(recycler.backend, N),
      () => undefined,
    );
    expect(recycler.owns(reused)).toBe(true);
    expect(reused.every((x) => x === 0)).toBe(true);
  });

  it("keeps an array alive through a subarray of it, in Maps, Sets, matrices and frozen objects", () => {
    const recycler = createRecycler(jsBackend);
    const take = () => storageOn(recycler.backend, N);
    const arrays = recycler.step(
      () => [take(), take(), take(), take(), take()] as const,
      ([a, b, c, d, e]) =>
        Object.freeze({
          window: a.subarray(10, 20),
          map: new Map([["b", { data: b }]]),
          set: new Set([c]),
          nothing: null,
          count: 3,
          d,
          matrix: { rows: 1, cols: N, data: e, backend: recycler.backend },
        }),
    );
    expect(recycler.stats()).toMatchObject({ live: 5, free: 0, enabled: true });
    const next = recycler.step(take, () => undefined);
    expect(arrays).not.toContain(next);
  });

  it("never recycles small arrays", () => {
    const recycler = createRecycler(jsBackend);
    const small = recycler.step(
      () => storageOn(recycler.backend, N - 1),
      () => undefined,
    );
    expect(recycler.owns(small)).toBe(false);
    expect(recycler.stats()).toEqual({ live: 0, free: 0, enabled: true });
  });

  it.each([
    ["a function", () => () => 1],
    ["a class instance", () => new (class Hidden {})()],
    ["a Date", () => new Date(0)],
  ])("stops recycling for good when the survivors hold %s", (_, opaque) => {
    const recycler = createRecycler(jsBackend);
    const first = recycler.step(
      () => storageOn(recycler.backend, N),
      () => ({ hidden: opaque() }),
    );
    expect(recycler.stats()).toEqual({ live: 0, free: 0, enabled: false });
    const second = recycler.step(
      () => storageOn(recycler.backend, N),
      () => undefined,
    );
    expect(second).not.toBe(first);
    expect(recycler.owns(second)).toBe(false);
  });

  it("hands out nothing once a step has thrown, and recycles nothing from it", () => {
    const recycler = createRecycler(jsBackend);
    let made: Float64Array | undefined;
    expect(() =>
      recycler.step(
        () => {
          made = storageOn(recycler.backend, N);
          throw new Error("boom");
        },
        () => undefined,
      ),
    ).toThrow("boom");
    expect(recycler.owns(storageOn(recycler.backend, N))).toBe(false);
    expect(recycler.stats().live).toBe(1);
    expect(made).toBeDefined();
  });

  it("nests: each recycler serves the ops on its own backend", () => {
    const outer = createRecycler(jsBackend);
    const inner = createRecycler(jsBackend);
    outer.step(
      () => {
        const a = storageOn(outer.backend, N);
        const b = inner.step(
          () => storageOn(inner.backend, N),
          () => undefined,
        );
        expect(b).not.toBe(a);
        expect(inner.owns(b) && !outer.owns(b)).toBe(true);
        expect(storageOn(outer.backend, N)).not.toBe(b);
        return a;
      },
      (a) => a,
    );
    expect(outer.stats().live).toBe(1);
    expect(inner.stats()).toMatchObject({ live: 0, free: 1 });
  });

  it("takes new arrays from the backend's own storage when it has some", () => {
    const made: Float64Array[] = [];
    const backend: Backend = {
      ...jsBackend,
      allocate: (length) => {
        const array = new Float64Array(length);
        made.push(array);
        return array;
      },
    };
    const recycler = createRecycler(backend);
    const result = recycler.step(
      () => multiply(full(2, N / 2, 1, recycler.backend), 3),
      (r) => r,
    );
    expect(made).toHaveLength(1);
    expect(result.data).toBe(made[0]);
    expect(result.backend).toBe(recycler.backend);
  });

  it("counts as the backend it recycles for: its matrices meet that backend's", () => {
    const recycler = createRecycler(jsBackend);
    const onView = recycler.step(
      () => multiply(zeros(2, N / 2, recycler.backend), 2),
      (r) => r,
    );
    expect(() => multiply(onView, zeros(2, N / 2))).not.toThrow();
    expect(createRecycler(recycler.backend).backend.recycling?.of).toBe(jsBackend);
  });

  it("leaves every number as it would be without recycling, over a chain of steps", () => {
    const recycler = createRecycler(jsBackend);
    const step = (W: Matrix): Matrix => multiply(matmul(full(N / 64, N / 64, 1 / N, W.backend), W), 2);
    let plain = full(N / 64, 64, 1);
    let recycled = toBackend(plain, recycler.backend);
    for (let i = 0; i < 5; i++) {
      plain = step(plain);
      recycled = recycler.step(
        () => step(recycled),
        (r) => r,
      );
    }
    expect(recycled.data).toEqual(plain.data);
    expect(recycler.stats().free).toBeGreaterThan(0);
  });
});

describe("reachableViews", () => {
  it("finds typed arrays through plain objects, arrays, Maps and Sets; null-prototype objects too", () => {
    const a = new Float64Array(1);
    const b = new Float64Array(2);
    const c = new Uint32Array(1);
    const bare = Object.assign(Object.create(null) as object, { c });
    const cycle: { self?: unknown; a: Float64Array } = { a };
    cycle.self = cycle;
    expect(reachableViews([cycle, new Map([[b, 1]]), new Set([bare]), 1, "x", undefined])).toEqual(
      expect.arrayContaining([a, b, c]),
    );
  });

  it("walks a matrix as its numbers, not its backend (whose kernels are functions)", () => {
    const data = new Float64Array(1);
    expect(reachableViews({ W1: { rows: 1, cols: 1, data, backend: jsBackend } })).toEqual([data]);
  });

  it("is undefined for what it cannot see into", () => {
    expect(reachableViews({ f: () => 0 })).toBeUndefined();
    expect(reachableViews([new (class {})()])).toBeUndefined();
  });
});
