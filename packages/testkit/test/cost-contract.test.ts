import type { Cost } from "@stepwise/core";
import { describe, expect, it } from "vitest";
import { type CostCheckName, type CostContractOptions, costChecks } from "../src/index.js";
import {
  bceFromLogits,
  binaryCrossEntropy,
  categoricalCrossEntropy,
  handWrittenMse,
  hinge,
  mae,
  mse,
  mseBackwardInPlace,
  mseBackwardOverM,
  mseBackwardSummed,
  mseBackwardTwice,
  mseWithCounter,
  unfrozenMse,
} from "./plugins.js";

interface Case {
  readonly label: string;
  readonly plugin: Cost;
  readonly options?: CostContractOptions;
  /** Exactly the checks that must throw; every other check must pass. */
  readonly failing: ReadonlyArray<CostCheckName>;
}

const probabilities: CostContractOptions = { outputs: "probabilities" };

const cases: ReadonlyArray<Case> = [
  {
    label: "binary cross-entropy on (0, 1)",
    plugin: binaryCrossEntropy,
    options: probabilities,
    failing: [],
  },
  { label: "mse on the reals (the default)", plugin: mse, failing: [] },
  { label: "mse not built with defineCost", plugin: handWrittenMse, failing: [] },
  {
    label: "categorical cross-entropy on softmax columns",
    plugin: categoricalCrossEntropy,
    options: { outputs: "columnDistribution" },
    failing: [],
  },
  {
    label: "mae with its kink at a = y declared",
    plugin: mae,
    options: { nearKink: (a, y) => Math.abs(a - y) < 1e-3 },
    failing: [],
  },
  {
    label: "hinge with targets in {-1, 1}",
    plugin: hinge,
    options: { targets: "signed", nearKink: (a, y) => Math.abs(1 - a * y) < 1e-3 },
    failing: [],
  },
  {
    label: "binary cross-entropy from logits: real AL, binary Y",
    plugin: bceFromLogits,
    options: { outputs: "real", targets: "binary" },
    failing: [],
  },
  {
    label: "mse on a stated domain",
    plugin: mse,
    options: { domain: { low: -1, high: 3 }, numRuns: 20, seed: 1 },
    failing: [],
  },

  {
    label: "mse whose backward is twice too large",
    plugin: mseBackwardTwice,
    failing: ["cost_backward agrees with finite differences"],
  },
  {
    label: "mse whose backward divides by m",
    plugin: mseBackwardOverM,
    failing: ["cost_backward agrees with finite differences"],
  },
  {
    label: "binary cross-entropy claiming the closed [0, 1]: 0·log 0 = NaN",
    plugin: binaryCrossEntropy,
    options: { outputs: "probabilities", domain: { low: 0, high: 1, inclusive: true } },
    failing: ["finite at the domain edges"],
  },
  {
    label: "binary cross-entropy run on the reals",
    plugin: binaryCrossEntropy,
    failing: [
      "compute_cost returns a finite number",
      "finite at the domain edges",
      "cost_backward agrees with finite differences",
    ],
  },
  {
    label: "a cost_backward that writes into AL",
    plugin: mseBackwardInPlace,
    failing: ["cost_backward does not mutate its inputs"],
  },
  {
    label: "a cost_backward that sums over the examples",
    plugin: mseBackwardSummed,
    failing: ["cost_backward keeps the shape", "cost_backward agrees with finite differences"],
  },
  { label: "a compute_cost that counts its calls", plugin: mseWithCounter, failing: ["deterministic"] },
  { label: "an unfrozen cost", plugin: unfrozenMse, failing: ["the plugin object is frozen"] },
];

describe("costChecks", () => {
  it("lists every clause of the contract once, in a fixed order", () => {
    expect(costChecks(mse).map((c) => c.name)).toEqual([
      'meta.kind is "cost"',
      "meta.name is a snake_case name",
      "the plugin object is frozen",
      "compute_cost returns a finite number",
      "cost_backward keeps the shape",
      "compute_cost does not mutate its inputs",
      "cost_backward does not mutate its inputs",
      "deterministic",
      "finite at the domain edges",
      "cost_backward agrees with finite differences",
    ]);
  });

  for (const { label, plugin, options, failing } of cases)
    describe(label, () => {
      for (const check of costChecks(plugin, options))
        if (failing.includes(check.name)) it(`fails "${check.name}"`, () => expect(check.run).toThrow());
        else it(`passes "${check.name}"`, () => check.run());
    });

  it("rejects a domain that is not an interval", () => {
    expect(() => costChecks(mse, { domain: { low: 1, high: 0 } })).toThrow(/finite low < high/);
  });
});

const failureOf = (plugin: Cost, name: CostCheckName, options?: CostContractOptions): string => {
  const check = costChecks(plugin, options).find((c) => c.name === name);
  try {
    check?.run();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error(`"${name}" passed for ${plugin.meta.name}`);
};

describe("cost contract messages", () => {
  it("a factor of 2: shows the ratio and explains dAL and m", () => {
    const message = failureOf(mseBackwardTwice, "cost_backward agrees with finite differences");
    expect(message).toMatch(/\(ratio 2\);/);
    expect(message).toMatch(/dAL\/m must equal ∂J\/∂AL/);
  });

  it("dividing by m twice: the ratio is 1/m", () => {
    expect(failureOf(mseBackwardOverM, "cost_backward agrees with finite differences")).toMatch(
      /m = 4 columns|ratio 0\.25/,
    );
  });

  it("a NaN at the edge: names the example and the domain", () => {
    const message = failureOf(binaryCrossEntropy, "finite at the domain edges", {
      outputs: "probabilities",
      domain: { low: 0, high: 1, inclusive: true },
    });
    expect(message).toMatch(
      /compute_cost\(AL, Y\) returned NaN; on example \d+ alone \(AL column \[[01]\], Y column \[[01]\]\)/,
    );
    expect(message).toMatch(/AL in \[0, 1\]/);
  });

  it("a cost defined on (0, 1) only, run on the reals: suggests stating the outputs", () => {
    expect(failureOf(binaryCrossEntropy, "compute_cost returns a finite number")).toMatch(
      /outputs: "probabilities"/,
    );
  });

  it("a mutated AL: names the element", () => {
    expect(failureOf(mseBackwardInPlace, "cost_backward does not mutate its inputs")).toMatch(
      /cost_backward's input AL was modified: element \(\d, \d\) was .* and is now/,
    );
  });
});
