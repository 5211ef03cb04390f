export * from "./arithmetic.js";
export * from "./layers.js";
export type * from "./node.js";
export * from "./value.js";
