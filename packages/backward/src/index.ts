export * from "./batchnorm.js";
export * from "./gradient-check.js";
export * from "./linear.js";
export * from "./model.js";
