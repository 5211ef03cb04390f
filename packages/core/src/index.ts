export * from "./activation.js";
export * from "./cost.js";
export * from "./factory.js";
export * from "./optimizer.js";
export * from "./pairing.js";
export * from "./parameters.js";
export type * from "./plugin.js";
export * from "./plugin-name.js";
export * from "./registry.js";
