import type { Registry } from "@stepwise/core";
import { writeFileAtomic } from "@stepwise/data/node";
import { loadModel } from "@stepwise/model/node";
import { type ExportableModel, OPSET, type Precision, toOnnx } from "@stepwise/onnx";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type CliFailure, runtimeFailure } from "./cli-error.js";

export interface ExportFlags {
  readonly onnx: string;
  readonly model: string;
  readonly precision: Precision;
}

/**
 * The one place that reads a model file for export. Whatever the model file gives (parameters, spec, and —
 * once model files carry batch norm — its running statistics) goes to `toOnnx` as it is.
 */
const readModel = async (
  path: string,
  registry: Registry,
): Promise<E.Either<StepwiseError, ExportableModel>> => loadModel(path, registry);

/**
 * `stepwise export --onnx out.onnx --model run/model.json`: the trained network as an ONNX file that
 * ONNX Runtime (or any ONNX tool) runs with X of shape (batch, n_x), one row per example.
 */
export const exportCommand = async (
  flags: ExportFlags,
  registry: Registry,
  write: (line: string) => void,
): Promise<E.Either<CliFailure, void>> => {
  const model = await readModel(flags.model, registry);
  if (E.isLeft(model)) return E.left(runtimeFailure(model.left));
  const bytes = toOnnx(model.right, { precision: flags.precision });
  if (E.isLeft(bytes)) return E.left(runtimeFailure(`${flags.model}: ${bytes.left.message}`));
  const written = await writeFileAtomic(flags.onnx, bytes.right);
  if (E.isLeft(written)) return E.left(runtimeFailure(written.left));
  const { parameters } = model.right;
  const n_x = parameters["W1"]?.cols ?? 0;
  const L = Object.keys(parameters).filter((k) => /^W\d+$/.test(k)).length;
  const n_L = parameters[`W${L}`]?.rows ?? 0;
  write(
    `Wrote ${flags.onnx} (ONNX opset ${OPSET}, ${flags.precision}, ${bytes.right.length} bytes): input X (batch, ${n_x}), output AL (batch, ${n_L}), one row per example.`,
  );
  return E.right(undefined);
};
