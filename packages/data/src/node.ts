// `@stepwise/data/node`: the Node-only part (file system, downloads, node:crypto). One line per module.
export * from "./csv-files.js";
export * from "./fetch.js";
export * from "./files.js";
export * from "./read.js";
