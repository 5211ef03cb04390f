import { expectMatrixClose, matrix, runActivationContract } from "@stepwise/testkit";
import { describe, it } from "vitest";
import { relu } from "../src/index.js";

runActivationContract(relu, { kinks: [0] });

describe("relu against its formula", () => {
  it("max(0, z), and dZ = dA where z > 0 (0 at z = 0, the course's relu_backward)", () => {
    const Z = matrix([[-2, -0.5, 0, 0.5, 3]]);
    const [A, cache] = relu.forward(Z);
    expectMatrixClose(A, [[0, 0, 0, 0.5, 3]], { rtol: 0, atol: 0 });
    expectMatrixClose(relu.backward(Z, cache), [[0, 0, 0, 0.5, 3]], { rtol: 0, atol: 0 });
  });
});
