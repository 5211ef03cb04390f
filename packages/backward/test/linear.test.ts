import { relu } from "@stepwise/activation-relu";
import { sigmoid } from "@stepwise/activation-sigmoid";
import { linear_activation_forward } from "@stepwise/forward-cache";
import type { Matrix } from "@stepwise/tensor";
import { draws } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { linear_activation_backward, linear_backward } from "../src/index.js";
import { expectClose } from "./helpers.js";

// Inputs rebuilt as testCases_v4a.py builds them; expected values are the notebook's Expected Output,
// here to all digits as numpy computes them on this machine.
describe("linear_backward (linear_backward_test_case, seed 1)", () => {
  const [dZ, A, W, b] = draws(1, [3, 4], [5, 4], [3, 5], [3, 1]) as [Matrix, Matrix, Matrix, Matrix];
  const [dA_prev, dW, db] = linear_backward(dZ, { A_prev: A, W, b });
  it("dA_prev = Wᵀ·dZ", () => {
    expectClose(
      dA_prev,
      [
        [-1.151713362800674, 0.06718465115487993, -0.3204695951240231, 2.0981271157690573],
        [0.6034587881597019, -3.725087007081199, 5.817007414837717, -3.8432683612931164],
        [-0.4319552024857888, -1.309874173571225, 1.7235470475890922, 0.050705776358989506],
        [-0.38981414839982087, 0.6081124403750794, -1.259384235864949, 1.4719159268171638],
        [-2.5221492584556406, 2.678825515032264, -0.6794746486966324, 1.4811954761548511],
      ],
      1e-12,
    );
  });
  it("dW = dZ·A_prevᵀ / m and db = Σ dZ / m", () => {
    expectClose(
      dW,
      [
        [
          0.07313866218612716, -0.09767149686597656, -0.8758582845472835, 0.7376336184595694,
          0.00785715946106047,
        ],
        [0.855088183651413, 0.3753041280392743, -0.5991265527518606, 0.7127818943133358, -0.5893180778933307],
        [
          0.9791330403844923, -0.2437649374859614, -0.08839670601518547, 0.5515119182005701,
          -0.10290907379316316,
        ],
      ],
      1e-12,
    );
    expectClose(db, [[-0.14713785610161495], [-0.11313155105855677], [-0.13209101296824788]], 1e-12);
  });
});

describe("linear_activation_backward (linear_activation_backward_test_case, seed 2)", () => {
  // The course draws dA, A, W, b, then Z directly; we build the same cache and overwrite Z to match.
  const [dA, A, W, b, Z] = draws(2, [1, 2], [3, 2], [1, 3], [1, 1], [1, 2]) as [
    Matrix,
    Matrix,
    Matrix,
    Matrix,
    Matrix,
  ];
  const cacheFor = (activation: typeof relu) => {
    const [, cache] = linear_activation_forward(A, W, b, activation);
    const [Aout] = activation.forward(Z);
    return { ...cache, activation_cache: { Z, A: Aout } };
  };
  it("sigmoid", () => {
    const [dA_prev, dW, db] = linear_activation_backward(dA, cacheFor(sigmoid), sigmoid);
    expectClose(
      dA_prev,
      [
        [0.11017993605984744, 0.011053394707826071],
        [0.09466817036241483, 0.009497234167163682],
        [-0.057430922006483635, -0.005761544906208916],
      ],
      1e-12,
    );
    expectClose(dW, [[0.10266786376828207, 0.09778550500304704, -0.019680842338378784]], 1e-12);
    expectClose(db, [[-0.057296222176291135]], 1e-12);
  });
  it("relu (the activation defaults to the one in the cache)", () => {
    const [dA_prev, dW, db] = linear_activation_backward(dA, cacheFor(relu));
    expectClose(
      dA_prev,
      [
        [0.4409098893909097, 0],
        [0.37883605687209465, 0],
        [-0.2298228005482083, 0],
      ],
      1e-12,
    );
    expectClose(dW, [[0.44513824323337786, 0.37371417697309084, -0.1047898884574992]], 1e-12);
    expectClose(db, [[-0.2083789237027353]], 1e-12);
  });
  it("leaves its inputs alone", () => {
    const before = dA.data.slice();
    linear_activation_backward(dA, cacheFor(relu));
    expect(dA.data).toStrictEqual(before);
  });
});
