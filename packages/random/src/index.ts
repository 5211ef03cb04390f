export * from "./combinators.js";
export * from "./distributions.js";
export { STATE_WORDS } from "./mt19937.js";
export * from "./permutation.js";
export {
  fromNumpyState,
  type NumpyState,
  type Random,
  type RandomState,
  seed,
  seedOrThrow,
  toNumpyState,
} from "./state.js";
