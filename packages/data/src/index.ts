// The browser-safe entry: everything here works on values and bytes. Reading files, downloading and
// hashing with node:crypto are in `@stepwise/data/node` (src/node.ts).
export * from "./catvnoncat.js";
export * from "./h5.js";
export * from "./image.js";
export * from "./mini-batches.js";
export * from "./ndarray.js";
export * from "./npy.js";
