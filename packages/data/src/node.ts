// `@stepwise/data/node`: the Node-only part (file system, downloads, node:crypto, npm packages loaded
// through Node's own modules). The main entry stays browser-safe. One line per module.
export * from "./csv-files.js";
export * from "./fetch.js";
export * from "./files.js";
export * from "./mnist.js";
export * from "./read.js";
