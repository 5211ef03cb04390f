import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { dataError, formatNdShape, type NdArray, type NdShape, shapeSize } from "./ndarray.js";

// The format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

type NumericDType = Exclude<NdArray["dtype"], "string">;

const DESCRS: Readonly<Record<string, { readonly dtype: NumericDType; readonly size: number }>> = {
  "|u1": { dtype: "uint8", size: 1 },
  "|b1": { dtype: "bool", size: 1 },
  "<i4": { dtype: "int32", size: 4 },
  "<i8": { dtype: "int64", size: 8 },
  "<f4": { dtype: "float32", size: 4 },
  "<f8": { dtype: "float64", size: 8 },
};

const SUPPORTED = Object.keys(DESCRS).join(", ");

export interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: NdShape;
  /** Byte offset of the first array element. */
  readonly dataOffset: number;
}

const fail = (name: string, what: string): E.Either<StepwiseError, never> =>
  E.left(dataError(`${name}: ${what}`));

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");

/** Magic, version and the header dict; everything after `dataOffset` is the array. */
export const parseNpyHeader = (bytes: Uint8Array, name = "array.npy"): E.Either<StepwiseError, NpyHeader> => {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b))
    return fail(
      name,
      `not a .npy file: it starts with ${hex(bytes.subarray(0, 6))}, not the magic "\\x93NUMPY"; save arrays with numpy's np.save`,
    );
  const major = bytes[6] ?? 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (major !== 1 && major !== 2 && major !== 3)
    return fail(name, `.npy format version ${major}.${bytes[7] ?? 0} is not supported (only 1.x, 2.x, 3.x)`);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) return fail(name, "truncated: the file ends inside the .npy preamble");
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = 8 + lenSize + headerLen;
  if (bytes.length < dataOffset)
    return fail(
      name,
      `truncated: the header needs ${dataOffset} bytes but the file has ${bytes.length}; copy the file again`,
    );
  const header = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(
    bytes.subarray(8 + lenSize, dataOffset),
  );
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    return fail(
      name,
      `unreadable .npy header ${JSON.stringify(header.trim())}: expected a dict with 'descr' (a simple dtype, not a structured one), 'fortran_order' and 'shape'`,
    );
  const dims = shapeText
    .split(",")
    .map((s) => s.trim().replace(/L$/, ""))
    .filter((s) => s !== "");
  if (!dims.every((d) => /^\d+$/.test(d)))
    return fail(name, `unreadable shape (${shapeText}) in the .npy header`);
  return E.right({ descr, fortranOrder: fortran === "True", shape: dims.map(Number), dataOffset });
};

type WideDType = Exclude<NumericDType, "uint8" | "bool">;

const decodeValues = (
  name: string,
  dtype: WideDType,
  view: DataView,
  count: number,
): E.Either<StepwiseError, Float64Array> => {
  const out = new Float64Array(count);
  switch (dtype) {
    case "int32":
      for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, true);
      break;
    case "float32":
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
      break;
    case "float64":
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(i * 8, true);
      break;
    case "int64":
      for (let i = 0; i < count; i++) {
        const v = view.getBigInt64(i * 8, true);
        const n = Number(v);
        if (!Number.isSafeInteger(n))
          return fail(name, `int64 element ${i} is ${v}, beyond ±2^53, which a float64 cannot hold exactly`);
        out[i] = n;
      }
      break;
  }
  return E.right(out);
};

/** Parses a whole `.npy` file held in memory (C order, little-endian, the dtypes in DESCRS). */
export const parseNpy = (bytes: Uint8Array, name = "array.npy"): E.Either<StepwiseError, NdArray> => {
  const parsed = parseNpyHeader(bytes, name);
  if (E.isLeft(parsed)) return parsed;
  const { descr, fortranOrder, shape, dataOffset } = parsed.right;
  const kind = DESCRS[descr];
  if (kind === undefined)
    return fail(
      name,
      `dtype '${descr}' is not supported (supported: ${SUPPORTED}); re-save with e.g. np.save(path, a.astype('<f8'))`,
    );
  if (fortranOrder)
    return fail(
      name,
      "the array is stored in Fortran (column-major) order; re-save it in C order with np.save(path, np.ascontiguousarray(a))",
    );
  const count = shapeSize(shape);
  const expected = count * kind.size;
  const actual = bytes.length - dataOffset;
  if (actual < expected)
    return fail(
      name,
      `truncated: a ${formatNdShape(shape)} '${descr}' array needs ${expected} bytes of data but only ${actual} follow the header; copy the file again`,
    );
  if (actual > expected)
    return fail(
      name,
      `${actual - expected} unexpected bytes after the ${formatNdShape(shape)} '${descr}' array; the file is corrupt or holds more than one array`,
    );
  const body = bytes.subarray(dataOffset, dataOffset + expected);
  const dtype = kind.dtype;
  if (dtype === "uint8" || dtype === "bool") return E.right({ dtype, shape, data: Uint8Array.from(body) });
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  return E.map((data: Float64Array): NdArray => ({ dtype, shape, data }))(
    decodeValues(name, dtype, view, count),
  );
};
