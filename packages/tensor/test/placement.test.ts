import { describe, expect, it } from "vitest";
import {
  add,
  type Backend,
  concatColumns,
  createRecycler,
  jsBackend,
  matmul,
  sumAll,
  toArray,
  toBackend,
  transpose,
  zeros,
  zerosLike,
} from "../src/index.js";
import { m } from "./helpers.js";

/** The js kernels under another name, recording each product: a second backend to tell apart. */
const recording = (calls: string[], name = "recording"): Backend => ({
  ...jsBackend,
  name,
  matmul: (a, b, ta, tb, out) => {
    calls.push(`matmul ${ta} ${tb}`);
    jsBackend.matmul(a, b, ta, tb, out);
  },
});

describe("the device follows the data", () => {
  it("puts constructed matrices on the js reference backend", () => {
    expect(m([[1]]).backend).toBe(jsBackend);
    expect(zeros(2, 2).backend).toBe(jsBackend);
  });

  it("runs an op on its operands' backend and puts the result there", () => {
    const calls: string[] = [];
    const other = recording(calls);
    const a = toBackend(m([[1, 2]]), other);
    const b = toBackend(m([[3], [4]]), other);
    const product = matmul(a, b);
    expect(toArray(product)).toEqual([[11]]);
    expect(calls).toEqual(["matmul false false"]);
    expect(product.backend).toBe(other);
    expect(add(product, 1).backend).toBe(other);
    expect(transpose(a).backend).toBe(other);
    expect(zerosLike(a).backend).toBe(other);
    expect(matmul(m([[1, 2]]), m([[3], [4]])).backend).toBe(jsBackend);
    expect(calls).toHaveLength(1);
  });

  it("refuses operands on two backends, naming both and the fix", () => {
    const other = toBackend(m([[1, 2]]), recording([], "wasm"));
    expect(() => add(other, m([[1, 2]]))).toThrow(
      "add: (1, 2) is on the wasm backend but (1, 2) is on the js backend; an op's operands must share a backend: move one with toBackend(m, backend)",
    );
    expect(() => matmul(m([[1], [2]]), other)).toThrow(
      "matmul: (2, 1) is on the js backend but (1, 2) is on the wasm",
    );
    expect(() => concatColumns([m([[1]]), toBackend(m([[1]]), recording([]))])).toThrow("concatColumns");
    const twin = toBackend(m([[1, 2]]), recording([], "wasm"));
    expect(() => add(other, twin)).toThrow("(another instance)");
  });

  it("moves by sharing the immutable numbers; moving to where it is already is the matrix itself", () => {
    const a = m([[1, 2]]);
    const moved = toBackend(a, recording([]));
    expect(moved.data).toBe(a.data);
    expect(toBackend(a, jsBackend)).toBe(a);
    expect(sumAll(moved)).toBe(3);
  });

  it("keeps two interleaved computations on two backends apart (no global backend)", async () => {
    const callsA: string[] = [];
    const callsB: string[] = [];
    const run = async (backend: Backend) => {
      let x = toBackend(
        m([
          [1, 0],
          [0, 1],
        ]),
        backend,
      );
      for (let i = 0; i < 3; i++) {
        x = matmul(
          x,
          toBackend(
            m([
              [2, 0],
              [0, 2],
            ]),
            backend,
          ),
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
      return x;
    };
    const [a, b] = await Promise.all([run(recording(callsA, "a")), run(recording(callsB, "b"))]);
    expect(callsA).toHaveLength(3);
    expect(callsB).toHaveLength(3);
    expect(toArray(a)).toEqual(toArray(b));
  });

  it("a recycler's view counts as the backend it views", () => {
    const view = createRecycler(jsBackend).backend;
    expect(add(toBackend(m([[1]]), view), m([[2]])).backend).toBe(view);
  });
});
