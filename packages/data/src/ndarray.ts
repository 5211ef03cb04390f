import { type StepwiseError, stepwiseError } from "@stepwise/tensor";

/** An n-dimensional shape, numpy's `a.shape`. */
export type NdShape = ReadonlyArray<number>;

/**
 * An array as read from a data file, before it becomes a Matrix. uint8 and bool stay bytes (the raw
 * images are kept for the trainer's report); every other number type is widened to float64, which is
 * exact for the int32/float32 values and checked to be exact for int64.
 */
export type NdArray =
  | { readonly dtype: "uint8" | "bool"; readonly shape: NdShape; readonly data: Uint8Array }
  | {
      readonly dtype: "int32" | "int64" | "float32" | "float64";
      readonly shape: NdShape;
      readonly data: Float64Array;
    }
  | { readonly dtype: "string"; readonly shape: NdShape; readonly data: ReadonlyArray<string> };

export type NdDType = NdArray["dtype"];

export const dataError = (message: string): StepwiseError<"DataError"> => stepwiseError("DataError", message);

/** An exception as one line, with the errno code when there is one (ENOENT, EACCES, …). */
export const describeError = (e: unknown): string => {
  if (e instanceof Error) {
    const code = (e as { readonly code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
};

/** `(209, 64, 64, 3)` and `(209,)`, as numpy prints them. */
export const formatNdShape = (shape: NdShape): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;

export const shapeSize = (shape: NdShape): number => shape.reduce((n, d) => n * d, 1);

export const sameNdShape = (a: NdShape, b: NdShape): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);
