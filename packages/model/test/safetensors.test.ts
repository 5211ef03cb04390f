import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeSafetensors, encodeSafetensors } from "../src/safetensors.js";

const bitsOf = (data: Float64Array): string =>
  Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");

const errorOf = (result: E.Either<{ readonly _tag: string; readonly message: string }, unknown>): string => {
  if (E.isRight(result)) throw new Error("expected an error");
  expect(result.left._tag).toBe("ModelFileError");
  return result.left.message;
};

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A file laid out by hand from the format's description: u64 LE header length, header, data. */
const handMade = (header: string, data: ReadonlyArray<number>): Uint8Array => {
  const json = ascii(header);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
};

// 1.0 and -2.0 as little-endian IEEE 754 doubles (0x3ff0000000000000, 0xc000000000000000).
const ONE = [0, 0, 0, 0, 0, 0, 0xf0, 0x3f];
const MINUS_TWO = [0, 0, 0, 0, 0, 0, 0, 0xc0];

describe("encodeSafetensors", () => {
  it("lays the file out as the format says: header length, JSON header padded to 8 bytes, data", () => {
    const bytes = encodeSafetensors({ a: { shape: [1, 2], data: Float64Array.of(1, -2) } }, { k: "v" });
    const header = '{"__metadata__":{"k":"v"},"a":{"dtype":"F64","shape":[1,2],"data_offsets":[0,16]}}';
    const padded = header + " ".repeat(Math.ceil(header.length / 8) * 8 - header.length);
    expect(Array.from(bytes)).toEqual(Array.from(handMade(padded, [...ONE, ...MINUS_TWO])));
    expect((8 + padded.length) % 8).toBe(0);
  });

  it("omits an empty __metadata__ and places tensors one after another in the order given", () => {
    const bytes = encodeSafetensors({
      W1: { shape: [2, 1], data: Float64Array.of(1, 1) },
      b1: { shape: [0, 1], data: new Float64Array(0) },
      W2: { shape: [1, 1], data: Float64Array.of(-2) },
    });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)))).toEqual({
      W1: { dtype: "F64", shape: [2, 1], data_offsets: [0, 16] },
      b1: { dtype: "F64", shape: [0, 1], data_offsets: [16, 16] },
      W2: { dtype: "F64", shape: [1, 1], data_offsets: [16, 24] },
    });
    expect(Array.from(bytes.subarray(8 + n))).toEqual([...ONE, ...ONE, ...MINUS_TWO]);
  });

  it("refuses a shape that does not match the data", () => {
    expect(() => encodeSafetensors({ a: { shape: [2, 2], data: Float64Array.of(1) } })).toThrow(
      "encodeSafetensors: tensor a has shape [2, 2] but 1 values",
    );
  });
});

describe("decodeSafetensors", () => {
  it("round-trips every float64 bit for bit: -0, NaN, ±Infinity, subnormals, extremes", () => {
    const data = Float64Array.of(-0, Number.NaN, Infinity, -Infinity, 5e-324, Number.MAX_VALUE, 0.1, -1 / 3);
    const decoded = decodeSafetensors(encodeSafetensors({ x: { shape: [2, 4], data } }, { m: "1" }));
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    const x = decoded.right.tensors["x"];
    expect(x?.shape).toEqual([2, 4]);
    expect(bitsOf(x?.data ?? new Float64Array(0))).toBe(bitsOf(data));
    expect(decoded.right.metadata).toEqual({ m: "1" });
  });

  it("reads a file written the reference implementation's way (sorted keys, no metadata, unpadded)", () => {
    const header =
      '{"b":{"dtype":"F64","shape":[1],"data_offsets":[8,16]},"a":{"dtype":"F64","shape":[],"data_offsets":[0,8]}}';
    const decoded = decodeSafetensors(handMade(header, [...ONE, ...MINUS_TWO]));
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    expect(decoded.right.metadata).toEqual({});
    expect(Array.from(decoded.right.tensors["a"]?.data ?? [])).toEqual([1]);
    expect(Array.from(decoded.right.tensors["b"]?.data ?? [])).toEqual([-2]);
  });

  it("names what is wrong with a file that is not a whole safetensors file of float64s", () => {
    const ok = '{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}';
    expect(errorOf(decodeSafetensors(Uint8Array.of(1, 2, 3), "w.safetensors"))).toBe(
      "w.safetensors: is 3 bytes long: too short for a safetensors file (truncated?)",
    );
    expect(errorOf(decodeSafetensors(handMade(ok, [...ONE]).subarray(0, 20)))).toContain(
      `announce a ${ok.length}-byte header but the file has 20 bytes`,
    );
    expect(errorOf(decodeSafetensors(handMade(ok, [...ONE])))).toBe(
      "model.safetensors: the tensors cover 16 bytes of data but the file holds 8 (truncated?)",
    );
    expect(errorOf(decodeSafetensors(handMade(ok, [...ONE, ...ONE, 0])))).toBe(
      "model.safetensors: the tensors cover 16 bytes of data but the file holds 17",
    );
    expect(errorOf(decodeSafetensors(handMade('{"a":', [])))).toMatch(
      /^model\.safetensors: its safetensors header is not valid UTF-8 JSON/,
    );
    expect(
      errorOf(
        decodeSafetensors(handMade('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}', [...ONE])),
      ),
    ).toBe(
      'model.safetensors: tensor a has dtype "F32"; Stepwise reads float64 ("F64") tensors only — save them with numpy as float64 (a.astype(np.float64))',
    );
    expect(
      errorOf(
        decodeSafetensors(
          handMade(
            '{"a":{"dtype":"F64","shape":[1],"data_offsets":[8,16]},"b":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}',
            [...ONE, ...ONE],
          ),
        ),
      ),
    ).toMatch(/tensor [ab] starts at byte 8 of the data, expected 0: the tensors must tile the data/);
    expect(
      errorOf(
        decodeSafetensors(
          handMade('{"a":{"dtype":"F64","shape":[3],"data_offsets":[0,16]}}', [...ONE, ...ONE]),
        ),
      ),
    ).toBe("model.safetensors: tensor a: shape [3] needs 24 bytes but data_offsets [0, 16] hold 16");
    expect(errorOf(decodeSafetensors(handMade('{"__metadata__":{"k":1}}', [])))).toBe(
      'model.safetensors: "__metadata__" must map strings to strings',
    );
  });
});
