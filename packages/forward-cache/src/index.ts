export * from "./batchnorm.js";
export type * from "./cache.js";
export * from "./linear.js";
export * from "./model.js";
export * from "./spec.js";
