import { map, sumAll, tanh } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import {
  assertClose,
  finiteDifferenceEstimate,
  finiteDifferenceGradient,
  finiteDifferenceVjp,
  finiteDifferenceVjpEstimate,
} from "../src/index.js";
import { m, softmax } from "./plugins.js";

describe("finiteDifferenceGradient", () => {
  it("matches an analytic gradient: ∂/∂x Σ x³ = 3x²", () => {
    const x = m([
      [1, -2, 0.5],
      [0, 3, -0.25],
    ]);
    const g = finiteDifferenceGradient((v) => sumAll(map(v, (t) => t ** 3)), x);
    assertClose(
      g,
      map(x, (t) => 3 * t * t),
      { rtol: 1e-8, atol: 1e-8 },
    );
  });

  it("is the course's gradapprox with its epsilon", () => {
    // The course's 1-D check: J(θ) = θx, dθ = x, with ε = 1e-7.
    const g = finiteDifferenceGradient((theta) => 3 * (theta.data[0] as number), m([[4]]), 1e-7);
    assertClose(g, 3, { rtol: 1e-7 });
  });

  it("never modifies x, even when f writes into what it is given", () => {
    const x = m([[1, 2]]);
    finiteDifferenceGradient((v) => {
      v.data[0] = 99;
      return sumAll(v);
    }, x);
    expect(Array.from(x.data)).toEqual([1, 2]);
  });

  it("divides by the step actually taken, so a linear function is exact even at large x", () => {
    for (const x of [1000, -1000, 0.1, 1e9]) {
      const g = finiteDifferenceGradient((v) => 2 * (v.data[0] as number), m([[x]]));
      expect(g.data[0]).toBe(2);
    }
  });

  it("rejects an epsilon that is not positive, or too small to move x", () => {
    expect(() => finiteDifferenceGradient(sumAll, m([[1]]), 0)).toThrow(
      /epsilon must be a positive finite number, got 0/,
    );
    expect(() => finiteDifferenceGradient(sumAll, m([[1e20]]), 1e-6)).toThrow(/does not move in float64/);
  });

  it("bounds its round-off by the size of f", () => {
    const { roundoff } = finiteDifferenceEstimate((v) => 1e6 + sumAll(v), m([[1, 2]]));
    expect(roundoff.data[0]).toBeGreaterThan(1e-4);
    expect(roundoff.data[0]).toBeLessThan(1e-2);
  });
});

describe("finiteDifferenceVjp", () => {
  it("is ∂/∂x Σ v ⊙ g(x): for tanh, v ⊙ (1 - tanh²)", () => {
    const x = m([
      [0.3, -1.2],
      [2, 0],
    ]);
    const v = m([
      [1, -2],
      [0.5, 3],
    ]);
    const expected = map(x, (t, i, j) => (v.data[i * 2 + j] as number) * (1 - Math.tanh(t) ** 2));
    assertClose(finiteDifferenceVjp(tanh, x, v), expected, { rtol: 1e-8, atol: 1e-10 });
  });

  it("agrees with softmax's analytic backward, a whole-column function", () => {
    const Z = m([
      [1, -3],
      [0.5, 2],
      [-1, 0],
    ]);
    const dA = m([
      [0.2, -1],
      [1.5, 0.3],
      [-0.7, 2],
    ]);
    const [, cache] = softmax.forward(Z);
    assertClose(
      finiteDifferenceVjp((z) => softmax.forward(z)[0], Z, dA),
      softmax.backward(dA, cache),
      {
        rtol: 1e-7,
        atol: 1e-10,
      },
    );
  });

  it("rejects a g whose output does not have v's shape", () => {
    expect(() => finiteDifferenceVjp(tanh, m([[1, 2]]), m([[1], [2]]))).toThrow(
      /g returned \(1, 2\) .* v is \(2, 1\)/,
    );
  });

  it("keeps untouched outputs out of the round-off: zero where g ignores the element", () => {
    const { gradient } = finiteDifferenceVjpEstimate(
      (z) => map(z, (t, _i, j) => (j === 0 ? t : 5)),
      m([[1, 2]]),
      m([[1, 1]]),
    );
    expect(Array.from(gradient.data)).toEqual([1, 0]);
  });
});
