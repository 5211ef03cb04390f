export type { Optimizer, OptimizerDefinition, OptimizerState, Schedule } from "@stepwise/core";
export { constantSchedule } from "@stepwise/core";
export * from "./adadelta.js";
export * from "./adagrad.js";
export * from "./adam.js";
export * from "./adamax.js";
export * from "./adamw.js";
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
export * from "./nadam.js";
export * from "./nesterov.js";
export * from "./rmsprop.js";
export {
  type DictionaryStep,
  defineOptimizer,
  type MatrixRule,
  type MatrixSlots,
  type MatrixStep,
  type OptimizerSpec,
  type RuleContext,
  slotNamesOf,
  stepDictionary,
} from "./rule.js";
export * from "./schedules/index.js";
export * from "./schedules.js";
