export * from "./model-file.js";
export * from "./options.js";
export * from "./predict.js";
export * from "./train.js";
