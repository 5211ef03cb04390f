// @stepwise/data/node: the parts of @stepwise/data that only run in Node (they load files or npm
// packages through Node's own modules). The main entry stays browser-safe. A plain list of exports.
export * from "./mnist.js";
