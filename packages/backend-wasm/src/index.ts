export {
  createWasmBackend,
  type WasmBackend,
  type WasmBackendOptions,
  type WasmBackendStats,
} from "./backend.js";
export { hasRelaxedSimd } from "./features.js";
export { wasmBackendAvailable, wasmBackendUnavailableReason } from "./kernels.js";
