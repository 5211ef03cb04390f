export type { Optimizer, OptimizerDefinition, OptimizerState, Schedule } from "@stepwise/core";
export { constantSchedule } from "@stepwise/core";
export * from "./adam.js";
export {
  checkHyperparameter,
  checkLearningRate,
  checkLike,
  checkParameters,
  checkStep,
  checkUpdate,
} from "./checks.js";
export * from "./create.js";
export * from "./gradient-descent.js";
export type { MomentKey, Moments } from "./moments.js";
export * from "./momentum.js";
export {
  type DictionaryStep,
  defineOptimizer,
  type MatrixRule,
  type MatrixSlots,
  type MatrixStep,
  type OptimizerSpec,
  type RuleContext,
  stepDictionary,
} from "./rule.js";
export * from "./schedules.js";
