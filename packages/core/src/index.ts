export * from "./activation.js";
export * from "./cost.js";
export * from "./optimizer.js";
export * from "./parameters.js";
export type * from "./plugin.js";
export * from "./registry.js";
