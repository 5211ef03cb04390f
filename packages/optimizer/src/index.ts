export type { Optimizer, OptimizerDefinition, Schedule } from "@stepwise/core";
export { constantSchedule } from "@stepwise/core";
export * from "./adam.js";
export {
  checkBeta,
  checkEpsilon,
  checkLearningRate,
  checkLike,
  checkParameters,
  checkStep,
  checkUpdate,
  resolveHyperparameters,
} from "./checks.js";
export * from "./gradient-descent.js";
export type { MomentKey, Moments } from "./moments.js";
export * from "./momentum.js";
export * from "./plugins.js";
export * from "./schedules.js";
