/// <reference path="./jsfive.d.ts" />
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { File } from "jsfive";
import { dataError, describeError, formatNdShape, type NdArray, type NdShape, shapeSize } from "./ndarray.js";

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]; // "\x89HDF\r\n\x1a\n"

/** A parsed HDF5 file: the root group's names and a reader for each dataset. */
export interface H5File {
  readonly name: string;
  readonly keys: ReadonlyArray<string>;
  readonly dataset: (key: string) => E.Either<StepwiseError, NdArray>;
}

const fail = (name: string, what: string): E.Either<StepwiseError, never> =>
  E.left(dataError(`${name}: ${what}`));

const readAddress = (view: DataView, offset: number, size: number): number | undefined =>
  size === 8
    ? Number(view.getBigUint64(offset, true))
    : size === 4
      ? view.getUint32(offset, true)
      : size === 2
        ? view.getUint16(offset, true)
        : undefined;

/**
 * The byte length the superblock promises (base address + end-of-file address), so a truncated download
 * is named as such instead of surfacing later as an out-of-bounds read deep inside the parser.
 */
const promisedLength = (bytes: Uint8Array): number | undefined => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[8];
  const [sizeOffset, fieldsStart] =
    version === 0 ? [13, 24] : version === 1 ? [13, 28] : version === 2 || version === 3 ? [9, 12] : [-1, -1];
  const size = bytes[sizeOffset];
  if (size === undefined || fieldsStart + 3 * size > bytes.length) return undefined;
  // v0/v1: base, free-space, end-of-file; v2/v3: base, superblock extension, end-of-file.
  const base = readAddress(view, fieldsStart, size);
  const eof = readAddress(view, fieldsStart + 2 * size, size);
  return base === undefined || eof === undefined ? undefined : base + eof;
};

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === "object" && u !== null;

const numericDType = (dtype: string): Exclude<NdArray["dtype"], "string" | "bool"> | undefined => {
  const code = dtype.replace(/^[<>|=]/, "");
  return code === "u1"
    ? "uint8"
    : code === "i4"
      ? "int32"
      : code === "i8"
        ? "int64"
        : code === "f4"
          ? "float32"
          : code === "f8"
            ? "float64"
            : undefined;
};

const toNdArray = (name: string, key: string, node: unknown): E.Either<StepwiseError, NdArray> => {
  if (!isRecord(node) || !Array.isArray(node["shape"]))
    return fail(name, `'${key}' is a group, not a dataset`);
  const shape: NdShape = node["shape"].map(Number);
  const dtype = node["dtype"];
  const where = `dataset '${key}'`;
  if (typeof dtype !== "string")
    return fail(name, `${where} has a compound or variable-length type, which is not supported`);
  let value: unknown;
  try {
    value = node["value"];
  } catch (e) {
    return fail(name, `${where} cannot be read (${describeError(e)}); the file is damaged, fetch it again`);
  }
  if (!Array.isArray(value) || value.length !== shapeSize(shape))
    return fail(
      name,
      `${where} has shape ${formatNdShape(shape)} but ${Array.isArray(value) ? value.length : "no"} values could be read`,
    );
  if (/^S\d+$/.test(dtype)) {
    // numpy's fixed-width bytes drop trailing NULs: b'cat\x00\x00\x00\x00' == b'cat'.
    const strings = value.map((v) => String(v).replace(/\0+$/, ""));
    return E.right({ dtype: "string", shape, data: strings });
  }
  const kind = numericDType(dtype);
  if (kind === undefined)
    return fail(name, `${where} has dtype '${dtype}', which is not supported (u1, i4, i8, f4, f8, S<n>)`);
  if (!value.every((v) => typeof v === "number"))
    return fail(name, `${where} holds non-numeric values for dtype '${dtype}'`);
  const numbers = value as ReadonlyArray<number>;
  if (kind === "uint8") return E.right({ dtype: kind, shape, data: Uint8Array.from(numbers) });
  if (kind === "int64" && !numbers.every(Number.isSafeInteger))
    return fail(name, `${where} holds int64 values beyond ±2^53, which a float64 cannot hold exactly`);
  return E.right({ dtype: kind, shape, data: Float64Array.from(numbers) });
};

/** Parses an HDF5 file held in memory (no filesystem access, so it runs the same in a browser). */
export const parseH5 = (bytes: Uint8Array, name = "file.h5"): E.Either<StepwiseError, H5File> => {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((b, i) => bytes[i] !== b))
    return fail(
      name,
      `not an HDF5 file (it does not start with the HDF5 signature "\\x89HDF\\r\\n\\x1a\\n"); if it came from a download, the mirror served something else (an HTML page?): fetch it again`,
    );
  const promised = promisedLength(bytes);
  if (promised === undefined)
    return fail(
      name,
      `truncated or damaged HDF5 file (${bytes.length} bytes): its superblock cannot be read; fetch it again`,
    );
  if (bytes.length < promised)
    return fail(
      name,
      `truncated HDF5 file: it has ${bytes.length} bytes but its superblock says ${promised} (some mirrors serve 8 KB stubs); fetch it again and check its SHA-256`,
    );
  let file: File;
  try {
    file = new File(Uint8Array.from(bytes).buffer, name);
  } catch (e) {
    return fail(name, `cannot be read as HDF5 (${describeError(e)}); the file is damaged, fetch it again`);
  }
  const keys = file.keys;
  const dataset = (key: string): E.Either<StepwiseError, NdArray> => {
    if (!keys.includes(key))
      return fail(
        name,
        `no dataset '${key}'; the file holds: ${keys.length === 0 ? "nothing" : keys.join(", ")}. Is it the right file?`,
      );
    try {
      return toNdArray(name, key, file.get(key));
    } catch (e) {
      return fail(name, `dataset '${key}' cannot be read (${describeError(e)}); the file is damaged`);
    }
  };
  return E.right({ name, keys, dataset });
};
