export * from "./catvnoncat.js";
export * from "./fetch.js";
export * from "./files.js";
export * from "./h5.js";
export * from "./image.js";
export * from "./mini-batches.js";
export * from "./ndarray.js";
export * from "./npy.js";
