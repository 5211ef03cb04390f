// `@stepwise/model/node`: the Node-only part (model files on disk). One line per module.
export * from "./model-io.js";
