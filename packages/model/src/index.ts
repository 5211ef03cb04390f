// The browser-safe entry: training, prediction and model files as values (strings and bytes). Reading
// and writing model files on disk is in `@stepwise/model/node` (src/node.ts).
export * from "./model-file.js";
export * from "./options.js";
export * from "./plans/choose.js";
export { dualPlan } from "./plans/dual.js";
export type { Plan } from "./plans/plan.js";
export { primalPlan } from "./plans/primal.js";
export * from "./predict.js";
export * from "./safetensors.js";
export { type Decay, type DecaySettings, epochRates, learningRateSchedule, rateOfEpoch } from "./schedule.js";
export * from "./train.js";
