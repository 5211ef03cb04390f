export * from "./gradient-check.js";
export * from "./linear.js";
export * from "./model.js";
