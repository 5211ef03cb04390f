export { type Lowering, ONNX_FORMS, type OnnxForm } from "./activations.js";
export { type ExportableModel, IR_VERSION, type OnnxOptions, OPSET, toOnnx } from "./export.js";
export type { Precision } from "./graph.js";
