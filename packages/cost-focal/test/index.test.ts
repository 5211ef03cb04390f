import { fromFunction } from "@stepwise/tensor";
import { assertClose, describeCostFormula, runCostContract } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { focal, focalWith } from "../src/index.js";

runCostContract(focal, { outputs: "probabilities" });
runCostContract(focalWith({ gamma: 0, alpha: 0.5 }), { outputs: "probabilities" });
runCostContract(focalWith({ gamma: 0.5, alpha: 0.9 }), { outputs: "probabilities" });
runCostContract(focalWith({ gamma: 5, alpha: 1 }), { outputs: "probabilities" });

// Reference values from the formula, written out independently of the plugin.

describeCostFormula("focal(gamma=2, alpha=0.25)", focal, {
  loss: (p: number, y: number) =>
    y === 1 ? -0.25 * (1 - p) ** 2 * Math.log(p) : -0.75 * p ** 2 * Math.log(1 - p),
  derivative: (p: number, y: number) =>
    y === 1
      ? -0.25 * (-2 * (1 - p) * Math.log(p) + (1 - p) ** 2 / p)
      : -0.75 * (2 * p * Math.log(1 - p) - p ** 2 / (1 - p)),
  AL: fromFunction(3, 7, (i, j) => 0.05 + 0.9 * (((i * 7 + j) * 0.618034) % 1)),
  Y: fromFunction(3, 7, (i, j) => ((i + 2 * j) % 3 === 0 ? 1 : 0)),
  cost: { rtol: 1e-12, atol: 0 },
  backward: { rtol: 1e-12, atol: 1e-300 },
});

describeCostFormula("focal(gamma=0.5, alpha=0.9)", focalWith({ gamma: 0.5, alpha: 0.9 }), {
  loss: (p: number, y: number) =>
    y === 1 ? -0.9 * Math.sqrt(1 - p) * Math.log(p) : -0.1 * Math.sqrt(p) * Math.log(1 - p),
  derivative: (p: number, y: number) =>
    y === 1
      ? -0.9 * (-Math.log(p) / (2 * Math.sqrt(1 - p)) + Math.sqrt(1 - p) / p)
      : -0.1 * (Math.log(1 - p) / (2 * Math.sqrt(p)) - Math.sqrt(p) / (1 - p)),
  AL: fromFunction(3, 7, (i, j) => 0.05 + 0.9 * (((i * 7 + j) * 0.618034) % 1)),
  Y: fromFunction(3, 7, (i, j) => ((i + 2 * j) % 3 === 0 ? 1 : 0)),
  cost: {
    rtol: 1e-12,
    atol: 0,
  },
  backward: {
    rtol: 1e-12,
    atol: 1e-300,
  },
});

describe("focal with gamma = 0 is alpha-weighted binary cross-entropy", () => {
  it("focal(gamma=0, alpha=0.5) is half the course's cross-entropy", () => {
    const AL = fromFunction(1, 3, (_, j) => [0.8, 0.9, 0.4][j] ?? 0);
    const Y = fromFunction(1, 3, (_, j) => [1, 1, 0][j] ?? 0);
    // The Step by Step notebook's compute_cost expected output, halved.
    assertClose(focalWith({ gamma: 0, alpha: 0.5 }).compute_cost(AL, Y), 0.2797765635793422 / 2, {
      rtol: 1e-15,
    });
  });
  it("down-weights easy examples: a confident right answer costs far less than under cross-entropy", () => {
    const AL = fromFunction(1, 1, () => 0.95);
    const Y = fromFunction(1, 1, () => 1);
    const ce = focalWith({ gamma: 0, alpha: 0.25 }).compute_cost(AL, Y);
    expect(focal.compute_cost(AL, Y) / ce).toBeCloseTo(0.05 ** 2, 15);
  });
  it("names itself gamma first", () => {
    expect([focal.meta.name, focalWith({ alpha: 0.5, gamma: 1 }).meta.name]).toEqual([
      "focal(gamma=2, alpha=0.25)",
      "focal(gamma=1, alpha=0.5)",
    ]);
  });
});
