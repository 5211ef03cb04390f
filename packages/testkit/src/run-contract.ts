import type { Activation, Cost } from "@stepwise/core";
import { describe, it } from "vitest";
import { type ActivationContractOptions, activationChecks } from "./activation-contract.js";
import type { ContractCheck } from "./check.js";
import { type CostContractOptions, costChecks } from "./cost-contract.js";

const register = (title: string, checks: ReadonlyArray<ContractCheck>): void => {
  describe(title, () => {
    for (const check of checks) it(check.name, check.run);
  });
};

/** Registers the activation contract as vitest tests: `runActivationContract(relu, { kinks: [0] })`. */
export const runActivationContract = (plugin: Activation, options: ActivationContractOptions = {}): void =>
  register(`activation contract: ${plugin.meta.name}`, activationChecks(plugin, options));

/** Registers the cost contract as vitest tests: `runCostContract(bce, { outputs: "probabilities" })`. */
export const runCostContract = (plugin: Cost, options: CostContractOptions = {}): void =>
  register(`cost contract: ${plugin.meta.name}`, costChecks(plugin, options));
