import { equals, type Matrix, toArray } from "@stepwise/tensor";
import { loadSeedExamples } from "@stepwise/testkit";
import { describe, expect, it, vi } from "vitest";
import { main, NOTES_NETWORK, two_layer_relu_example } from "../src/two-layer-relu.js";

// Every number here is compared with `===` (equals / toBe / toStrictEqual): the course functions reproduce
// the notes' float64 arithmetic exactly, so no tolerance is needed anywhere.
const ex = loadSeedExamples().twoLayerReluExample;
const exact = (actual: Matrix, expected: Matrix, label: string): void => {
  expect(
    equals(actual, expected),
    `${label}: ${JSON.stringify(toArray(actual))} vs ${JSON.stringify(toArray(expected))}`,
  ).toBe(true);
};

describe("example two-layer-relu (L_model_forward / L_model_backward / update_parameters, relu-relu, mse)", () => {
  const result = two_layer_relu_example(10);

  it("starts from the notes' network", () => {
    expect(NOTES_NETWORK.lr).toBe(ex.lr);
    for (const key of ["x", "y", "W1", "b1", "W2", "b2"] as const)
      expect(NOTES_NETWORK[key], key).toStrictEqual(toArray(ex[key]));
  });

  it("forward: z1, a1, z2, ŷ and the loss 0.04500000000000008", () => {
    const { first } = result;
    exact(first.z1, ex.first.z1, "z1");
    exact(first.a1, ex.first.a1, "a1");
    exact(first.z2, ex.first.z2, "z2");
    exact(first.y_pred, ex.first.yPred, "y_pred");
    expect(first.loss).toBe(ex.first.loss);
    expect(first.loss).toBe(0.04500000000000008);
    expect(toArray(first.z1)).toStrictEqual([[0.7999999999999999, 1.4000000000000001]]);
  });

  it("backward: dW1, db1, dW2, db2", () => {
    const { first } = result;
    exact(first.dW1, ex.first.dW1, "dW1");
    exact(first.db1, ex.first.db1, "db1");
    exact(first.dW2, ex.first.dW2, "dW2");
    exact(first.db2, ex.first.db2, "db2");
  });

  it("the parameters after one update with lr 0.1", () => {
    for (const key of ["W1", "b1", "W2", "b2"] as const)
      exact(result.after_one_update[key], ex.afterOneUpdate[key], key);
  });

  it("the ten-step trajectory of ŷ and the loss", () => {
    expect(result.trajectory).toStrictEqual(ex.tenSteps.map(({ yPred, loss }) => ({ y_pred: yPred, loss })));
    expect(result.trajectory[1]?.loss).toBe(ex.printedInSeed.secondLoss);
  });

  it("prints them", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    main();
    const lines = log.mock.calls.map((args) => args.join(" "));
    log.mockRestore();
    expect(lines).toContain("  z1 = [[0.7999999999999999, 1.4000000000000001]]");
    expect(lines).toContain("  loss = 0.04500000000000008");
    expect(lines).toContain("  step 4: y_pred = 1.0106123358329366, loss = 5.631083591551547e-05");
    expect(lines).toContain("  step 10: y_pred = 1.0000133518918635, loss = 8.913650816685477e-11");
  });
});
