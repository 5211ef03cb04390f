export * from "./by-name.js";
export * from "./cosine-decay.js";
export type { CheckedSchedule, ScheduleParameters } from "./define.js";
export * from "./exponential-decay.js";
export * from "./inverse-time-decay.js";
export * from "./piecewise-constant.js";
