import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { NdArray } from "../src/ndarray.js";
import { parseNpy, parseNpyHeader } from "../src/npy.js";
import { readNpy } from "../src/read.js";

/** The course's files, as the repository holds them. */
const DATASET = join(import.meta.dirname, "../../../datasets/catvnoncat");

// Each fixture is a real numpy file, made with numpy 2.4:
//   python3 -c "import numpy as np, io, base64; f = io.BytesIO(); np.save(f, ARRAY); print(base64.b64encode(f.getvalue()).decode())"
// (version 2.0 via np.lib.format.write_array(f, ARRAY, version=(2, 0))), ARRAY as named on each line.
const NPY = {
  // np.array([[1.5, -2.25, 3e-300], [np.pi, 0.1, -0.0]], dtype='<f8')
  f8: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAALAg7Y60pcSwAEYLURU+yEJQJqZmZmZmbk/AAAAAAAAAIA=",
  // np.array([0.1, -1.5, 3.4e38], dtype='<f4')
  f4: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIArNzMw9AADAv57Jf38=",
  // np.array([[-2147483648, 0], [7, 2147483647]], dtype='<i4')
  i4: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAACAAAAAAAcAAAD///9/",
  // np.array([-(2**53)+1, -1, 0, 2**53-1], dtype='<i8')
  i8: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAAAADg////////////AAAAAAAAAAD///////8fAA==",
  // np.array([True, False, True])
  b1: "k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAE=",
  // np.arange(24, dtype='|u1').reshape(2, 3, 4)
  u1: "k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMsIDQpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhc=",
  // np.array(2.5)
  scalar:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAEQA==",
  // np.array([1, 2, 3], dtype='<i8'), format version (2, 0)
  v2: "k05VTVBZAgB0AAAAeydkZXNjcic6ICc8aTgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMywpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAAAAAAAAIAAAAAAAAAAwAAAAAAAAA=",
  // np.asfortranarray(np.arange(6, dtype='<f8').reshape(2, 3))
  fortran:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAAAAAAAAAAAhAAAAAAAAA8D8AAAAAAAAQQAAAAAAAAABAAAAAAAAAFEA=",
  // np.array([1.0, 2.0], dtype='>f8')
  bigEndian:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPmY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/8AAAAAAAAEAAAAAAAAAA",
  // np.array(['cat'], dtype='<U3')
  unicode:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPFUzJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIApjAAAAYQAAAHQAAAA=",
  // np.array([2**53 + 2], dtype='<i8')
  i8TooBig:
    "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoCAAAAAAAgAA==",
} as const;

const bytesOf = (key: keyof typeof NPY): Uint8Array => new Uint8Array(Buffer.from(NPY[key], "base64"));

const parsed = (key: keyof typeof NPY): NdArray => {
  const result = parseNpy(bytesOf(key), `${key}.npy`);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const errorOf = (bytes: Uint8Array, name = "bad.npy"): string => {
  const result = parseNpy(bytes, name);
  if (E.isRight(result)) throw new Error(`expected an error for ${name}`);
  expect(result.left._tag).toBe("DataError");
  return result.left.message;
};

describe("parseNpy", () => {
  it("reads each supported dtype with numpy's values, exactly", () => {
    expect(parsed("f8")).toEqual({
      dtype: "float64",
      shape: [2, 3],
      data: Float64Array.from([1.5, -2.25, 3e-300, Math.PI, 0.1, -0]),
    });
    // float32 values widened exactly: repr(float(np.float32(0.1))) == 0.10000000149011612
    expect(parsed("f4")).toEqual({
      dtype: "float32",
      shape: [3],
      data: Float64Array.from([0.10000000149011612, -1.5, 3.3999999521443642e38]),
    });
    expect(parsed("i4")).toEqual({
      dtype: "int32",
      shape: [2, 2],
      data: Float64Array.from([-2147483648, 0, 7, 2147483647]),
    });
    expect(parsed("i8")).toEqual({
      dtype: "int64",
      shape: [4],
      data: Float64Array.from([-(2 ** 53) + 1, -1, 0, 2 ** 53 - 1]),
    });
    expect(parsed("b1")).toEqual({ dtype: "bool", shape: [3], data: Uint8Array.from([1, 0, 1]) });
    expect(parsed("u1")).toEqual({
      dtype: "uint8",
      shape: [2, 3, 4],
      data: Uint8Array.from({ length: 24 }, (_, i) => i),
    });
  });

  it("keeps -0.0 as -0.0", () => {
    const a = parsed("f8");
    expect(Object.is(a.data[5], -0)).toBe(true);
  });

  it("reads a 0-d array and a version 2.0 file", () => {
    expect(parsed("scalar")).toEqual({ dtype: "float64", shape: [], data: Float64Array.from([2.5]) });
    expect(parsed("v2")).toEqual({ dtype: "int64", shape: [3], data: Float64Array.from([1, 2, 3]) });
  });

  it("reads the header of the course's label file", async () => {
    const bytes = await import("node:fs/promises").then((fs) => fs.readFile(join(DATASET, "train_y.npy")));
    const header = parseNpyHeader(new Uint8Array(bytes));
    expect(header).toEqual(E.right({ descr: "<i8", fortranOrder: false, shape: [209], dataOffset: 128 }));
  });

  it("names the fix for a Fortran-order array", () => {
    expect(errorOf(bytesOf("fortran"), "f.npy")).toMatch(/^f\.npy: .*Fortran.*np\.ascontiguousarray/);
  });

  it("rejects unsupported dtypes and lists the supported ones", () => {
    expect(errorOf(bytesOf("bigEndian"))).toMatch(
      /dtype '>f8' is not supported \(supported: \|u1, \|b1, <i4, <i8, <f4, <f8\)/,
    );
    expect(errorOf(bytesOf("unicode"))).toMatch(/dtype '<U3' is not supported/);
  });

  it("rejects int64 values a float64 cannot hold", () => {
    expect(errorOf(bytesOf("i8TooBig"))).toMatch(/9007199254740994, beyond ±2\^53/);
  });

  it("rejects a file that is not .npy", () => {
    expect(errorOf(new TextEncoder().encode("hello, world"), "x.npy")).toMatch(/^x\.npy: not a \.npy file/);
    expect(errorOf(new Uint8Array(0))).toMatch(/not a \.npy file/);
  });

  it("names truncation in the header and in the data", () => {
    const full = bytesOf("f8");
    expect(errorOf(full.subarray(0, 40))).toMatch(
      /truncated: the header needs 128 bytes but the file has 40/,
    );
    expect(errorOf(full.subarray(0, full.length - 1))).toMatch(
      /truncated: a \(2, 3\) '<f8' array needs 48 bytes of data but only 47 follow/,
    );
  });

  it("rejects extra bytes after the array", () => {
    const full = bytesOf("b1");
    const longer = new Uint8Array(full.length + 2);
    longer.set(full);
    expect(errorOf(longer)).toMatch(/2 unexpected bytes after the \(3,\) '\|b1' array/);
  });

  it("rejects an unknown format version and a header without a shape", () => {
    const v9 = bytesOf("b1").slice();
    v9[6] = 9;
    expect(errorOf(v9)).toMatch(/version 9\.0 is not supported/);
    // Same length, so only the header text changes: 'shape' becomes 'shapx'.
    const header = Buffer.from(bytesOf("b1")).toString("latin1").replace("'shape'", "'shapx'");
    expect(errorOf(new Uint8Array(Buffer.from(header, "latin1")))).toMatch(/unreadable \.npy header/);
  });
});

describe("readNpy", () => {
  it("reads the course's image file", async () => {
    const result = await readNpy(join(DATASET, "test_x.npy"));
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(result.right.dtype).toBe("uint8");
    expect(result.right.shape).toEqual([50, 64, 64, 3]);
  });

  it("names a missing file", async () => {
    const result = await readNpy("/nonexistent/dir/a.npy");
    expect(result).toEqual(
      E.left({
        _tag: "DataError",
        message: expect.stringMatching(/^cannot read \/nonexistent\/dir\/a\.npy: ENOENT/),
      }),
    );
  });
});
