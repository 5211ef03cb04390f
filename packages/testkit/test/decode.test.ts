import { describe, expect, it } from "vitest";
import { array, boolean, flatNumbers, matrix, number, object, record, string } from "../src/decode.js";

describe("decoders", () => {
  it("decode well-formed values", () => {
    const decode = object({ n: number, s: string, b: boolean, xs: array(number), r: record(number) });
    expect(decode({ n: 1, s: "a", b: true, xs: [1, 2], r: { a: 1 }, extra: 0 }, "f.json")).toEqual({
      n: 1,
      s: "a",
      b: true,
      xs: [1, 2],
      r: { a: 1 },
    });
  });

  it("name the path to the first bad value", () => {
    expect(() =>
      object({ a: array(object({ b: number })) })({ a: [{ b: 1 }, { b: "x" }] }, "f.json"),
    ).toThrow('f.json.a[1].b: expected a number, got string "x"');
    expect(() => record(number)([1], "f.json")).toThrow("f.json: expected an object, got an array of 1");
    expect(() => string(null, "p")).toThrow("p: expected a string, got null");
  });

  it("read nested rows as a Matrix and refuse ragged ones", () => {
    const m = matrix(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      "W",
    );
    expect([m.rows, m.cols, Array.from(m.data)]).toEqual([3, 2, [1, 2, 3, 4, 5, 6]]);
    expect(() => matrix([[1, 2], [3]], "W")).toThrow(/W: expected a matrix \(fromArray: ragged rows/);
  });

  it("flatten numbers nested to any depth, row-major", () => {
    expect(
      flatNumbers(
        [
          [1, 2],
          [3, [4]],
        ],
        "v",
      ),
    ).toEqual([1, 2, 3, 4]);
    expect(flatNumbers(5, "v")).toEqual([5]);
    expect(() => flatNumbers([[1, "2"]], "v")).toThrow('v[0][1]: expected a number, got string "2"');
  });
});
