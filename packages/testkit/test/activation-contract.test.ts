import type { Activation } from "@stepwise/core";
import { isAllFinite } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import {
  type ActivationCheckName,
  type ActivationContractOptions,
  activationChecks,
  DEFAULT_EXTREMES,
} from "../src/index.js";
import {
  camelCaseTanh,
  identity,
  leakyRelu,
  logitOfSigmoid,
  m,
  mislabeledTanh,
  naiveSigmoid,
  relu,
  sigmoid,
  softmax,
  tanh,
  tanhBackwardInPlace,
  tanhBackwardSummed,
  tanhInPlace,
  tanhSummedOverRows,
  tanhWithCounter,
  tanhWrongBetween2And3,
  tanhWrongDerivative,
  unfrozenTanh,
} from "./plugins.js";

interface Case {
  readonly label: string;
  readonly plugin: Activation;
  readonly options?: ActivationContractOptions;
  /** Exactly the checks that must throw; every other check must pass. */
  readonly failing: ReadonlyArray<ActivationCheckName>;
}

const cases: ReadonlyArray<Case> = [
  { label: "tanh (defineActivation)", plugin: tanh, failing: [] },
  { label: "relu with its kink declared", plugin: relu, options: { kinks: [0] }, failing: [] },
  {
    label: "leaky_relu(alpha=0.01), a parameterized name",
    plugin: leakyRelu,
    options: { kinks: [0] },
    failing: [],
  },
  { label: "a numerically stable sigmoid", plugin: sigmoid, failing: [] },
  { label: "identity, which returns Z itself as A", plugin: identity, failing: [] },
  { label: "softmax (defineMatrixActivation, not elementwise)", plugin: softmax, failing: [] },

  {
    label: "relu without kinks: 0 is not differentiable",
    plugin: relu,
    failing: ["backward agrees with finite differences"],
  },
  {
    label: "tanh with the derivative 1 - a",
    plugin: tanhWrongDerivative,
    failing: ["backward agrees with finite differences"],
  },
  {
    label: "a forward that writes tanh into Z",
    plugin: tanhInPlace,
    failing: ["forward does not mutate its input"],
  },
  {
    label: "a backward that writes dZ into dA",
    plugin: tanhBackwardInPlace,
    failing: ["backward does not mutate its inputs"],
  },
  { label: "a forward that counts its calls", plugin: tanhWithCounter, failing: ["deterministic"] },
  {
    label: "a forward that sums over the units",
    plugin: tanhSummedOverRows,
    failing: ["forward keeps the shape", "backward agrees with finite differences"],
  },
  {
    label: "a backward that sums over the examples",
    plugin: tanhBackwardSummed,
    failing: ["backward keeps the shape", "backward agrees with finite differences"],
  },
  { label: "exp(z) / (1 + exp(z))", plugin: naiveSigmoid, failing: ["finite at extreme inputs"] },
  {
    label: "logit(sigmoid(z)), Infinity at z = 50",
    plugin: logitOfSigmoid,
    failing: ["finite at extreme inputs", "backward agrees with finite differences"],
  },
  { label: "an unfrozen plugin", plugin: unfrozenTanh, failing: ["the plugin object is frozen"] },
  { label: 'a plugin named "TanH"', plugin: camelCaseTanh, failing: ["meta.name is a snake_case name"] },
  {
    label: 'a plugin whose meta.kind is "cost"',
    plugin: mislabeledTanh,
    failing: ['meta.kind is "activation"'],
  },
];

describe("activationChecks", () => {
  it("lists every clause of the contract once, in a fixed order", () => {
    expect(activationChecks(tanh).map((c) => c.name)).toEqual([
      'meta.kind is "activation"',
      "meta.name is a snake_case name",
      "the plugin object is frozen",
      "forward keeps the shape",
      "backward keeps the shape",
      "forward does not mutate its input",
      "backward does not mutate its inputs",
      "deterministic",
      "finite at extreme inputs",
      "backward agrees with finite differences",
    ]);
  });

  for (const { label, plugin, options, failing } of cases)
    describe(label, () => {
      for (const check of activationChecks(plugin, options))
        if (failing.includes(check.name)) it(`fails "${check.name}"`, () => expect(check.run).toThrow());
        else it(`passes "${check.name}"`, () => check.run());
    });
});

const failureOf = (
  plugin: Activation,
  name: ActivationCheckName,
  options?: ActivationContractOptions,
): string => {
  const check = activationChecks(plugin, options).find((c) => c.name === name);
  try {
    check?.run();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error(`"${name}" passed for ${plugin.meta.name}`);
};

describe("activation contract messages", () => {
  it("a wrong derivative: names the element, z, both values and the tolerance", () => {
    const message = failureOf(tanhWrongDerivative, "backward agrees with finite differences");
    expect(message).toMatch(/edge case "values around 0"/);
    expect(message).toMatch(
      /at \(\d, \d\) where z = .* backward gives dZ = .* finite differences .* give .* > tolerance/,
    );
  });

  it("a bug the edge cases miss: found by the seeded random inputs, the same counterexample every run", () => {
    const message = failureOf(tanhWrongBetween2And3, "backward agrees with finite differences");
    expect(message).toMatch(
      /^random input \{"rows":\d,"cols":\d,"Z":\[.*\],"dA":\[.*\]\} \(fast-check seed 42, path ".*", shrunk \d+ times\): backward disagrees .* where z = 2\./,
    );
    expect(failureOf(tanhWrongBetween2And3, "backward agrees with finite differences")).toBe(message);
  });

  it("a kink: suggests declaring it", () => {
    expect(failureOf(relu, "backward agrees with finite differences")).toMatch(/kinks: \[z\]/);
  });

  it("a mutated input: names the element and both values", () => {
    expect(failureOf(tanhInPlace, "forward does not mutate its input")).toMatch(
      /forward's input Z was modified: element \(0, 2\) was 0\.01 and is now 0\.0099/,
    );
    expect(failureOf(tanhInPlace, "forward does not mutate its input")).toMatch(
      /edge case "values around 0"/,
    );
  });

  it("non-determinism: shows both calls' values", () => {
    expect(failureOf(tanhWithCounter, "deterministic")).toMatch(/first call and .* on the second/);
  });

  it("a changed shape: shows both shapes", () => {
    expect(failureOf(tanhSummedOverRows, "forward keeps the shape")).toMatch(
      /A is \(1, 4\) but should be \(2, 4\)/,
    );
  });

  it("a non-finite output: names z", () => {
    expect(failureOf(naiveSigmoid, "finite at extreme inputs")).toMatch(
      /A = NaN at \(0, \d+\) where z = 710/,
    );
    expect(failureOf(logitOfSigmoid, "finite at extreme inputs")).toMatch(/A = Infinity .* where z = 49\.9/);
  });

  it("the naive sigmoid really is finite at ±50, which is why the extremes go to ±1000", () => {
    const [atFifty] = naiveSigmoid.forward(m([[50, -50, 49.9, -50.1]]));
    expect(isAllFinite(atFifty)).toBe(true);
    expect(Number.isNaN(naiveSigmoid.forward(m([[710]]))[0].data[0])).toBe(true);
    expect(DEFAULT_EXTREMES).toEqual(expect.arrayContaining([50, -50, 0, 710, -710, 1000, -1000]));
    expect(() => failureOf(naiveSigmoid, "finite at extreme inputs", { extremes: [0, 50, -50] })).toThrow(
      /passed/,
    );
  });

  it("options reach the checks: a larger kink radius, a looser tolerance, another seed", () => {
    expect(() =>
      failureOf(relu, "backward agrees with finite differences", { kinks: [0], kinkRadius: 0.1 }),
    ).toThrow(/passed/);
    // 1 - a is wrong by a·(1 - a) ≤ 0.25: a relative tolerance of 1 hides it.
    expect(() =>
      failureOf(tanhWrongDerivative, "backward agrees with finite differences", {
        rtol: 1,
        seed: 7,
        numRuns: 5,
      }),
    ).toThrow(/passed/);
  });
});
