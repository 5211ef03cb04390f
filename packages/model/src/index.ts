export * from "./model-file.js";
export * from "./options.js";
export * from "./plans/choose.js";
export { dualPlan } from "./plans/dual.js";
export type { Plan } from "./plans/plan.js";
export { primalPlan } from "./plans/primal.js";
export * from "./predict.js";
export { type Decay, type DecaySettings, learningRateSchedule, rateOfEpoch } from "./schedule.js";
export * from "./train.js";
