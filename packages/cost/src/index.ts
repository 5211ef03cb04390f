export { type Cost, checkTargets, defineCost } from "@stepwise/core";
export { binary_cross_entropy } from "@stepwise/cost-binary-cross-entropy";
export * from "./compute-cost.js";
