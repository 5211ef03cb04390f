export * from "./by-name.js";
export * from "./initializers.js";
export * from "./layer-dims.js";
