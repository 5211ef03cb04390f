import type { Grads, Parameters } from "@stepwise/core";
import { type Matrix, orThrow, unsafeMatrix } from "@stepwise/tensor";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  checkUpdate,
  update_parameters,
  update_parameters_with_adam,
  update_parameters_with_momentum,
  updateParametersWithHeavyBall,
} from "../src/index.js";
import { firstGrads, nth, problem, thrown } from "./helpers.js";

/**
 * The updates read only their outputs' numbers, and run checkUpdate on the inputs only when an output is
 * not finite. These properties pin down that this guards exactly what checking every input first did:
 * the same inputs are refused, with the same error naming the same element.
 */

type Dict = Readonly<Partial<Record<string, Matrix>>>;

/** A copy of `dict` with element `at` (modulo the sizes) of its `which`-th matrix (modulo the count) set to `x`. */
const poison = <D extends Dict>(dict: D, which: number, at: number, x: number): D => {
  const keys = Object.keys(dict).sort();
  const key = keys[which % keys.length] as string;
  const m = dict[key] as Matrix;
  const data = m.data.slice();
  data[at % data.length] = x;
  return { ...dict, [key]: unsafeMatrix(m.rows, m.cols, data) };
};

const bad = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

/** Where to put a bad value: which dictionary (0 = parameters), which matrix, which element; or nowhere. */
const placement = fc.option(fc.tuple(fc.nat(3), fc.nat(), fc.nat(), bad), { nil: undefined });

type Optimizer = (parameters: Parameters, dicts: ReadonlyArray<Grads>) => unknown;

const optimizers: ReadonlyArray<readonly [name: string, names: ReadonlyArray<string>, run: Optimizer]> = [
  ["update_parameters", ["grads"], (p, [g]) => orThrow(update_parameters(p, g ?? {}, 0.01))],
  [
    "update_parameters_with_momentum",
    ["grads", "v"],
    (p, [g, v]) => orThrow(update_parameters_with_momentum(p, g ?? {}, v ?? {}, 0.9, 0.01)),
  ],
  [
    "updateParametersWithHeavyBall",
    ["grads", "v"],
    (p, [g, v]) => orThrow(updateParametersWithHeavyBall(p, g ?? {}, v ?? {}, 0, 0)),
  ],
  [
    "update_parameters_with_adam",
    ["grads", "v", "s"],
    (p, [g, v, s]) => orThrow(update_parameters_with_adam(p, g ?? {}, v ?? {}, s ?? {}, 2, 0.01, 0, 0.999)),
  ],
];

describe("the updates refuse exactly the inputs checkUpdate refuses, with its error", () => {
  for (const [fn, names, run] of optimizers)
    it(fn, () => {
      fc.assert(
        fc.property(problem, placement, (p, where) => {
          // Moments from arbitrary finite values, not only zeros; s from squares (Adam takes its root).
          const moments = names.slice(1).map((name): Grads => {
            const m = firstGrads(p);
            if (name !== "s") return m;
            const square = (x: Matrix): Matrix =>
              unsafeMatrix(
                x.rows,
                x.cols,
                x.data.map((y) => y * y),
              );
            return Object.fromEntries(
              Object.entries(m).flatMap(([k, x]) => (x === undefined ? [] : [[k, square(x)]])),
            );
          });
          let parameters = p.parameters;
          let dicts: Grads[] = [nth(p.grads, p.grads.length - 1), ...moments];
          if (where !== undefined) {
            const [d, which, at, x] = where;
            const target = d % (names.length + 1);
            if (target === 0) parameters = poison(parameters, which, at, x);
            else dicts = dicts.map((g, i) => (i === target - 1 ? poison(g, which, at, x) : g));
          }
          const expected = checkUpdate(
            fn,
            parameters,
            names.map((name, i) => [name, nth(dicts, i)] as const),
          );
          if (E.isRight(expected)) expect(() => run(parameters, dicts)).not.toThrow();
          else expect(thrown(() => run(parameters, dicts))).toEqual(expected.left);
        }),
      );
    });

  it("Adam names an infinite s even though the new W it gives is finite (v_corrected / ∞ is 0)", () => {
    const one = (x: number): Matrix => unsafeMatrix(1, 1, Float64Array.of(x));
    const parameters = { W1: one(1), b1: one(0) };
    const grads = { dW1: one(0.5), db1: one(0.5) };
    const s = { dW1: one(Number.POSITIVE_INFINITY), db1: one(0) };
    const v = { dW1: one(0), db1: one(0) };
    expect(thrown(() => update_parameters_with_adam(parameters, grads, v, s, 1)).message).toContain(
      'update_parameters_with_adam: s["dW1"] element (0, 0) is Infinity',
    );
  });

  it("a finite step that overflows is returned, as before (the next step or the cost catches it)", () => {
    const one = (x: number): Matrix => unsafeMatrix(1, 1, Float64Array.of(x));
    const updated = orThrow(
      update_parameters({ W1: one(-1e308), b1: one(0) }, { dW1: one(1e308), db1: one(0) }, 2),
    );
    expect(updated["W1"]?.data[0]).toBe(Number.NEGATIVE_INFINITY);
  });
});
