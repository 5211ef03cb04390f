import { isRecord } from "@stepwise/core";
import { invalidArgument, raise, type StepwiseError, stepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * The safetensors format (https://github.com/huggingface/safetensors, "Format"), float64 tensors only:
 * an unsigned 64-bit little-endian header length N, N bytes of UTF-8 JSON —
 * `{ "__metadata__": { string: string }, name: { "dtype": "F64", "shape": [...], "data_offsets": [begin, end] } }`
 * — then the tensors' bytes, little-endian, C order, offsets relative to the end of the header. Written by
 * hand: the format is this small, and the npm packages for it are a one-release reader (`safetensors`
 * 0.0.1) or a hub client that parses headers of remote files (`@huggingface/hub`).
 */

/** A float64 tensor: numpy's shape and its C-order data. */
export interface F64Tensor {
  readonly shape: ReadonlyArray<number>;
  readonly data: Float64Array;
}

export interface Safetensors {
  readonly tensors: Readonly<Record<string, F64Tensor>>;
  /** The header's `__metadata__` (string → string), or `{}`. */
  readonly metadata: Readonly<Record<string, string>>;
}

const METADATA = "__metadata__";
/** The reference implementation refuses larger headers (a guard against absurd allocations). */
const MAX_HEADER_BYTES = 100_000_000;
const littleEndianHost = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

const elements = (shape: ReadonlyArray<number>): number => shape.reduce((n, d) => n * d, 1);

/** The tensors' bytes as the file stores them (a plain copy on little-endian hosts: every bit kept). */
const writeF64 = (out: Uint8Array, offset: number, data: Float64Array): void => {
  if (littleEndianHost) out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
  else {
    const view = new DataView(out.buffer, out.byteOffset + offset, data.byteLength);
    for (let i = 0; i < data.length; i++) view.setFloat64(i * 8, data[i] as number, true);
  }
};

const readF64 = (bytes: Uint8Array, begin: number, end: number): Float64Array => {
  if (littleEndianHost) return new Float64Array(bytes.slice(begin, end).buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset + begin, end - begin);
  return Float64Array.from({ length: (end - begin) / 8 }, (_, i) => view.getFloat64(i * 8, true));
};

/**
 * A safetensors file of float64 tensors, in the order given. The header is padded with spaces to a
 * multiple of 8 bytes (as the reference writer does), so the data starts 8-byte aligned.
 */
export const encodeSafetensors = (
  tensors: Readonly<Record<string, F64Tensor>>,
  metadata: Readonly<Record<string, string>> = {},
): Uint8Array => {
  const header: Record<string, unknown> = Object.keys(metadata).length === 0 ? {} : { [METADATA]: metadata };
  let offset = 0;
  for (const [name, { shape, data }] of Object.entries(tensors)) {
    if (name === METADATA) raise(invalidArgument(`encodeSafetensors: "${METADATA}" cannot name a tensor`));
    if (!shape.every((d) => Number.isInteger(d) && d >= 0) || elements(shape) !== data.length)
      raise(
        invalidArgument(
          `encodeSafetensors: tensor ${name} has shape [${shape.join(", ")}] but ${data.length} values`,
        ),
      );
    header[name] = { dtype: "F64", shape, data_offsets: [offset, offset + data.byteLength] };
    offset += data.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerBytes + offset).fill(0x20, 8, 8 + headerBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes), true);
  out.set(json, 8);
  let at = 8 + headerBytes;
  for (const { data } of Object.values(tensors)) {
    writeF64(out, at, data);
    at += data.byteLength;
  }
  return out;
};

const fail = (name: string, what: string): E.Either<StepwiseError, never> =>
  E.left(stepwiseError("ModelFileError", `${name}: ${what}`));

const isCount = (u: unknown): u is number => typeof u === "number" && Number.isSafeInteger(u) && u >= 0;

interface Entry {
  readonly name: string;
  readonly shape: ReadonlyArray<number>;
  readonly begin: number;
  readonly end: number;
}

const readEntry = (file: string, name: string, value: unknown): E.Either<StepwiseError, Entry> => {
  if (!isRecord(value)) return fail(file, `header entry ${name} is not an object`);
  const { dtype, shape, data_offsets: offsets } = value;
  if (dtype !== "F64")
    return fail(
      file,
      `tensor ${name} has dtype ${JSON.stringify(dtype)}; Stepwise reads float64 ("F64") tensors only — save them with numpy as float64 (a.astype(np.float64))`,
    );
  if (!Array.isArray(shape) || !shape.every(isCount))
    return fail(file, `tensor ${name}: "shape" must be a list of sizes, got ${JSON.stringify(shape)}`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount))
    return fail(file, `tensor ${name}: "data_offsets" must be [begin, end], got ${JSON.stringify(offsets)}`);
  const [begin, end] = offsets as [number, number];
  if (end - begin !== elements(shape) * 8)
    return fail(
      file,
      `tensor ${name}: shape [${shape.join(", ")}] needs ${elements(shape) * 8} bytes but data_offsets [${begin}, ${end}] hold ${end - begin}`,
    );
  return E.right({ name, shape, begin, end });
};

/**
 * Reads a safetensors file of float64 tensors, with the reference implementation's checks: a header that
 * fits, valid JSON, and tensors that tile the data exactly (no gaps, no overlaps, nothing left over).
 */
export const decodeSafetensors = (
  bytes: Uint8Array,
  name = "model.safetensors",
): E.Either<StepwiseError, Safetensors> => {
  if (bytes.length < 8)
    return fail(name, `is ${bytes.length} bytes long: too short for a safetensors file (truncated?)`);
  const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(Math.min(MAX_HEADER_BYTES, bytes.length - 8)))
    return fail(
      name,
      `is not a safetensors file, or is truncated: its first 8 bytes announce a ${n}-byte header but the file has ${bytes.length} bytes`,
    );
  const headerEnd = 8 + Number(n);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, headerEnd)));
  } catch (e) {
    return fail(
      name,
      `its safetensors header is not valid UTF-8 JSON (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  if (!isRecord(header)) return fail(name, "its safetensors header is not a JSON object");
  const { [METADATA]: rawMetadata, ...rest } = header;
  if (
    rawMetadata !== undefined &&
    (!isRecord(rawMetadata) || !Object.values(rawMetadata).every((v) => typeof v === "string"))
  )
    return fail(name, `"${METADATA}" must map strings to strings`);
  const entries = E.traverseArray(([key, value]: readonly [string, unknown]) => readEntry(name, key, value))(
    Object.entries(rest),
  );
  if (E.isLeft(entries)) return entries;
  const data = bytes.length - headerEnd;
  const sorted = [...entries.right].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const { name: tensor, begin, end } of sorted) {
    if (begin !== covered)
      return fail(
        name,
        `tensor ${tensor} starts at byte ${begin} of the data, expected ${covered}: the tensors must tile the data without gaps or overlaps`,
      );
    covered = end;
  }
  if (covered !== data)
    return fail(
      name,
      `the tensors cover ${covered} bytes of data but the file holds ${data}${covered > data ? " (truncated?)" : ""}`,
    );
  return E.right({
    tensors: Object.fromEntries(
      entries.right.map(({ name: tensor, shape, begin, end }) => [
        tensor,
        { shape, data: readF64(bytes, headerEnd + begin, headerEnd + end) },
      ]),
    ),
    metadata: (rawMetadata ?? {}) as Record<string, string>,
  });
};
