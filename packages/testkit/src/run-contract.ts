import type { Activation, Cost, OptimizerDefinition } from "@stepwise/core";
import { describe, it } from "vitest";
import { type ActivationContractOptions, activationChecks } from "./activation-contract.js";
import type { ContractCheck } from "./check.js";
import { type CostContractOptions, costChecks } from "./cost-contract.js";
import { type OptimizerContractOptions, optimizerChecks } from "./optimizer-contract.js";

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

/**
 * Registers the optimizer contract as vitest tests for a definition (hyper-parameters in its name):
 * `runOptimizerContract(orThrow(pluginWith(adamw)), { zeroGradient: (w, lr) => w * (1 - lr * 0.01) })`.
 */
export const runOptimizerContract = (
  definition: OptimizerDefinition,
  options: OptimizerContractOptions = {},
): void => register(`optimizer contract: ${definition.meta.name}`, optimizerChecks(definition, options));
