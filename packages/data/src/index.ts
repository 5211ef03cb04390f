// The browser-safe entry: everything here works on values and bytes. Reading files, downloading and
// hashing with node:crypto are in `@stepwise/data/node` (src/node.ts).
export * from "./catvnoncat.js";
export * from "./course2.js";
export * from "./csv.js";
export * from "./h5.js";
export * from "./image.js";
export * from "./linspace.js";
export * from "./mini-batches.js";
export * from "./ndarray.js";
export * from "./npy.js";
export { numpyCos, numpySin } from "./numpy-trig.js";
export * from "./samples-generator.js";
