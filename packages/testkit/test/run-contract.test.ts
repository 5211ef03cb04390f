import { describe, expect, it } from "vitest";
import { activationChecks, costChecks, runActivationContract, runCostContract } from "../src/index.js";
import { binaryCrossEntropy, categoricalCrossEntropy, relu, softmax, tanh } from "./plugins.js";

// What a plugin package's test file is: one line per plugin.
runActivationContract(tanh);
runActivationContract(relu, { kinks: [0] });
runActivationContract(softmax);
runCostContract(binaryCrossEntropy, { outputs: "probabilities" });
runCostContract(categoricalCrossEntropy, { outputs: "columnDistribution" });

describe("registration", () => {
  it("registers one test per check, under the contract's name", ({ task }) => {
    const suites = task.file.tasks.filter((t) => t.type === "suite").map((t) => t.name);
    expect(suites).toEqual(
      expect.arrayContaining([
        "activation contract: tanh",
        "activation contract: relu",
        "activation contract: softmax",
        "cost contract: binary_cross_entropy",
        "cost contract: categorical_cross_entropy",
      ]),
    );
    const tanhSuite = task.file.tasks.find((t) => t.name === "activation contract: tanh");
    const names = tanhSuite?.type === "suite" ? tanhSuite.tasks.map((t) => t.name) : [];
    expect(names).toEqual(activationChecks(tanh).map((c) => c.name));
    const bceSuite = task.file.tasks.find((t) => t.name === "cost contract: binary_cross_entropy");
    expect(bceSuite?.type === "suite" ? bceSuite.tasks.map((t) => t.name) : []).toEqual(
      costChecks(binaryCrossEntropy).map((c) => c.name),
    );
  });
});
