import {
  equals,
  lessEqual,
  log,
  type Matrix,
  map,
  maxAbsDifference,
  ones,
  subtract,
  sumAll,
  toArray,
} from "@stepwise/tensor";
import { finiteDifferenceGradient, finiteDifferenceVjp, loadSeedExamples, matrix } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { affine, relu, sigmoid, softmax_with_loss } from "../src/index.js";

const seed = loadSeedExamples();

// Central differences of smooth functions at these scales agree with the analytic gradient to ~1e-9;
// 1e-7 leaves room for round-off without hiding a wrong formula (those miss by O(1)).
const FD_TOLERANCE = 1e-7;

const x = matrix([
  [0.3, -1.2, 2.0, 0.5],
  [-0.7, 0.1, -0.4, 1.5],
  [1.1, 0.9, -2.2, -0.3],
]);

describe("relu", () => {
  it("masks x <= 0 as the notes' relu_mask: forward zeroes them, backward stops their gradient", () => {
    const { x: input, mask } = seed.reluMask;
    const expectedMask = matrix(mask.map((row) => row.map((m) => (m ? 1 : 0))));
    expect(equals(lessEqual(input, 0), expectedMask)).toBe(true);
    const [out, cache] = relu.forward(input);
    expect(toArray(out)).toStrictEqual([
      [1, 0],
      [0, 3],
    ]);
    const dx = relu.backward(ones(2, 2), cache);
    expect(equals(dx, subtract(1, expectedMask))).toBe(true);
  });
});

describe("sigmoid", () => {
  it("forward is 1 / (1 + exp(−x)); backward dout·(1 − out)·out agrees with finite differences", () => {
    const [out, cache] = sigmoid.forward(x);
    expect(out.data[0]).toBe(1 / (1 + Math.exp(-0.3)));
    const v = map(x, (_, i, j) => 1 + i - j / 2);
    expect(
      maxAbsDifference(
        sigmoid.backward(v, cache),
        finiteDifferenceVjp((z) => sigmoid.forward(z)[0], x, v),
      ),
    ).toBeLessThan(FD_TOLERANCE);
  });
});

describe("affine (rows are examples: out = x·W + b)", () => {
  const W = matrix([
    [0.2, -0.5],
    [1.0, 0.3],
    [-0.4, 0.8],
    [0.6, -0.1],
  ]);
  const b = matrix([[0.05, -0.2]]);

  it("forward adds the bias row to every example: XW + B of affine_batch_bias", () => {
    const { XW, B, XW_plus_B } = seed.affineBatchBias;
    // x·W = XW with x = [[0], [10]] and W = [[1, 1, 1]].
    const [out] = affine.forward(matrix([[0], [10]]), matrix([[1, 1, 1]]), matrix([B]));
    expect(equals(out, XW_plus_B)).toBe(true);
    expect(toArray(XW)).toStrictEqual([
      [0, 0, 0],
      [10, 10, 10],
    ]);
  });

  it("db is the column sum of dY over the batch: dB = [5, 7, 9]", () => {
    const { dY, dB } = seed.affineBatchBias;
    const [, cache] = affine.forward(matrix([[1], [2]]), matrix([[1, 1, 1]]), matrix([[0, 0, 0]]));
    const [, , db] = affine.backward(dY, cache);
    expect(Array.from(db.data)).toStrictEqual(dB);
    expect(Array.from(db.data)).toStrictEqual([5, 7, 9]);
  });

  it("dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ_rows dout agree with finite differences", () => {
    const [out, cache] = affine.forward(x, W, b);
    expect([out.rows, out.cols]).toStrictEqual([3, 2]);
    const dout = matrix([
      [1, -2],
      [0.5, 3],
      [-1, 0.25],
    ]);
    const [dx, dW, db] = affine.backward(dout, cache);
    const through = (f: (m: Matrix) => Matrix, at: Matrix): Matrix => finiteDifferenceVjp(f, at, dout);
    expect(
      maxAbsDifference(
        dx,
        through((m) => affine.forward(m, W, b)[0], x),
      ),
    ).toBeLessThan(FD_TOLERANCE);
    expect(
      maxAbsDifference(
        dW,
        through((m) => affine.forward(x, m, b)[0], W),
      ),
    ).toBeLessThan(FD_TOLERANCE);
    expect(
      maxAbsDifference(
        db,
        through((m) => affine.forward(x, W, m)[0], b),
      ),
    ).toBeLessThan(FD_TOLERANCE);
  });

  it("rejects a bias that is not one row matching W", () => {
    expect(() => affine.forward(x, W, matrix([[1], [2]]))).toThrow("affine: b is (2, 1) but W is (4, 2)");
  });
});

describe("softmax_with_loss (rows are examples)", () => {
  it("backward from y = (0.3, 0.2, 0.5), t = (0, 1, 0) is exactly (0.3, −0.8, 0.5)", () => {
    const { y, t, dxBatch1 } = seed.softmaxWithLossBackward;
    const dx = softmax_with_loss.backward(1, { y: matrix([y]), t: matrix([t]) });
    expect(Array.from(dx.data)).toStrictEqual(dxBatch1);
    expect(Array.from(dx.data)).toStrictEqual([0.3, -0.8, 0.5]);
  });

  it("forward of x = log y gives back y and the loss −log 0.2", () => {
    const { y, t } = seed.softmaxWithLossBackward;
    const [loss, cache] = softmax_with_loss.forward(log(matrix([y])), matrix([t]));
    expect(Math.abs(loss + Math.log(0.2))).toBeLessThan(1e-15);
    expect(maxAbsDifference(cache.y, matrix([y]))).toBeLessThan(1e-15);
  });

  it("the loss is the batch mean, and backward(1) is its gradient (finite differences)", () => {
    const logits = x;
    const t = matrix([
      [0, 1, 0, 0],
      [0, 0, 0, 1],
      [1, 0, 0, 0],
    ]);
    const [loss, cache] = softmax_with_loss.forward(logits, t);
    const rowLoss = (row: number): number => {
      const [l] = softmax_with_loss.forward(
        matrix([Array.from(logits.data.subarray(row * 4, row * 4 + 4))]),
        matrix([Array.from(t.data.subarray(row * 4, row * 4 + 4))]),
      );
      return l;
    };
    expect(Math.abs(loss - (rowLoss(0) + rowLoss(1) + rowLoss(2)) / 3)).toBeLessThan(1e-15);
    expect(sumAll(cache.y)).toBeCloseTo(3, 14);
    const dx = softmax_with_loss.backward(1, cache);
    const numeric = finiteDifferenceGradient((m) => softmax_with_loss.forward(m, t)[0], logits);
    expect(maxAbsDifference(dx, numeric)).toBeLessThan(FD_TOLERANCE);
    // Each row of dx sums to 0: probability mass only moves between classes.
    for (let i = 0; i < 3; i++)
      expect(Math.abs(sumAll(matrix([Array.from(dx.data.subarray(i * 4, i * 4 + 4))])))).toBeLessThan(1e-16);
    // dout scales the gradient.
    expect(
      maxAbsDifference(
        softmax_with_loss.backward(2, cache),
        map(dx, (v) => 2 * v),
      ),
    ).toBe(0);
  });

  it("is stable for large logits and checks that t matches x", () => {
    const [loss] = softmax_with_loss.forward(matrix([[1000, 0, -1000]]), matrix([[1, 0, 0]]));
    expect(loss).toBe(0);
    expect(() => softmax_with_loss.forward(x, matrix([[1, 0, 0]]))).toThrow(
      "softmax_with_loss: x is (3, 4) but t is (1, 3)",
    );
  });
});
