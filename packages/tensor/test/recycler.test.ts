import { describe, expect, it } from "vitest";
import {
  allocate,
  allocateUninitialized,
  type Backend,
  createRecycler,
  full,
  isRecycled,
  jsBackend,
  type Matrix,
  matmul,
  multiply,
  RECYCLE_MIN_LENGTH,
  withBackend,
} from "../src/index.js";
import { reachableViews } from "../src/reachable.js";

const N = RECYCLE_MIN_LENGTH;

describe("allocate", () => {
  it("outside a recycler's step is a fresh zero-filled array", () => {
    const a = allocate(N);
    expect(a).toHaveLength(N);
    expect(a.every((x) => x === 0)).toBe(true);
    expect(isRecycled(a)).toBe(false);
    expect(allocateUninitialized(N)).not.toBe(a);
  });
});

describe("createRecycler", () => {
  it("hands a dead array out again in the next step, and never one the survivors reach", () => {
    const recycler = createRecycler();
    const [dead, kept] = recycler.step(
      () => [allocate(N), allocate(N)] as const,
      ([, survivor]) => ({ state: [survivor] }),
    );
    kept.fill(7);
    const [again, other] = recycler.step(
      () => [allocate(N), allocate(N)] as const,
      () => kept,
    );
    expect(again).toBe(dead);
    expect(other).not.toBe(kept);
    expect(kept.every((x) => x === 7)).toBe(true);
    expect(isRecycled(again)).toBe(true);
    expect(recycler.stats()).toEqual({ live: 1, free: 2, enabled: true });
  });

  it("zero-fills a recycled array for allocate, as a fresh one would be", () => {
    const recycler = createRecycler();
    recycler.step(
      () => allocate(N).fill(3),
      () => undefined,
    );
    const reused = recycler.step(
      () => allocate(N),
      () => undefined,
    );
    expect(reused.every((x) => x === 0)).toBe(true);
  });

  it("keeps an array alive through a subarray of it, in Maps, Sets and frozen objects", () => {
    const recycler = createRecycler();
    const arrays = recycler.step(
      () => [allocate(N), allocate(N), allocate(N), allocate(N)] as const,
      ([a, b, c, d]) =>
        Object.freeze({
          window: a.subarray(10, 20),
          map: new Map([["b", { data: b }]]),
          set: new Set([c]),
          nothing: null,
          count: 3,
          d,
        }),
    );
    expect(recycler.stats()).toMatchObject({ live: 4, free: 0 });
    const next = recycler.step(
      () => allocate(N),
      () => undefined,
    );
    expect(arrays).not.toContain(next);
  });

  it("never recycles small arrays", () => {
    const recycler = createRecycler();
    const small = recycler.step(
      () => allocate(N - 1),
      () => undefined,
    );
    expect(isRecycled(small)).toBe(false);
    expect(recycler.stats()).toEqual({ live: 0, free: 0, enabled: true });
  });

  it.each([
    ["a function", () => () => 1],
    ["a class instance", () => new (class Hidden {})()],
    ["a Date", () => new Date(0)],
  ])("stops recycling for good when the survivors hold %s", (_, opaque) => {
    const recycler = createRecycler();
    const first = recycler.step(
      () => allocate(N),
      () => ({ hidden: opaque() }),
    );
    expect(recycler.stats()).toEqual({ live: 0, free: 0, enabled: false });
    const second = recycler.step(
      () => allocate(N),
      () => undefined,
    );
    expect(second).not.toBe(first);
    expect(isRecycled(second)).toBe(false);
  });

  it("gives storage back to the outer step when a step throws, and recycles nothing from it", () => {
    const recycler = createRecycler();
    let made: Float64Array | undefined;
    expect(() =>
      recycler.step(
        () => {
          made = allocate(N);
          throw new Error("boom");
        },
        () => undefined,
      ),
    ).toThrow("boom");
    expect(isRecycled(allocate(N))).toBe(false);
    expect(recycler.stats().live).toBe(1);
    expect(made).toBeDefined();
  });

  it("nests: an inner recycler's step does not return the outer's arrays", () => {
    const outer = createRecycler();
    const inner = createRecycler();
    outer.step(
      () => {
        const a = allocate(N);
        const b = inner.step(
          () => allocate(N),
          () => undefined,
        );
        expect(b).not.toBe(a);
        expect(allocate(N)).not.toBe(b); // back in the outer step: from the outer pool
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
    const recycler = createRecycler();
    const result = withBackend(backend, () =>
      recycler.step(
        () => multiply(full(2, N / 2, 1), 3),
        (r) => r,
      ),
    );
    expect(made).toHaveLength(1);
    expect(result.data).toBe(made[0]);
  });

  it("leaves every number as it would be without recycling, over a chain of steps", () => {
    const recycler = createRecycler();
    const step = (W: Matrix): Matrix => multiply(matmul(full(N / 64, N / 64, 1 / N), W), 2);
    let plain = full(N / 64, 64, 1);
    let recycled = plain;
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

  it("is undefined for what it cannot see into", () => {
    expect(reachableViews({ f: () => 0 })).toBeUndefined();
    expect(reachableViews([new (class {})()])).toBeUndefined();
  });
});
