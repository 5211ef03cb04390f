export type { Axis, Backend, BinaryOp, Recycling, ReduceOp, UnaryOp } from "./backend.js";
export * from "./compare.js";
export * from "./elementwise.js";
export * from "./errors.js";
export { jsBackend } from "./js-backend.js";
export * from "./layout.js";
export * from "./matrix.js";
export {
  backendMismatch,
  dictionaryToBackend,
  homeOf,
  sameBackend,
  sharedBackend,
  storageOn,
  toBackend,
  zeroStorageOn,
} from "./placement.js";
export * from "./product.js";
export * from "./recycler.js";
export * from "./reduce.js";
