import { equals, toArray } from "@stepwise/tensor";
import { loadSeedExamples, matrix } from "@stepwise/testkit";
import { describe, expect, it } from "vitest";
import { add, mul } from "../src/index.js";

const { apple, appleOrange } = loadSeedExamples();
const input = (inputs: Readonly<Record<string, number>>, key: string): number => {
  const value = inputs[key];
  if (value === undefined) throw new Error(`seed-examples.json has no input ${key}`);
  return value;
};

describe("the notes' shopping graphs, exactly (===) as numpy computes them", () => {
  it("2 apples at 100, tax 1.1: price 220.00000000000003, dapple 2.2, dapple_num 110.00000000000001, dtax 200", () => {
    const [apple_price, mul_apple] = mul.forward(
      input(apple.inputs, "apple"),
      input(apple.inputs, "apple_num"),
    );
    const [price, mul_tax] = mul.forward(apple_price, input(apple.inputs, "tax"));
    const [dapple_price, dtax] = mul.backward(1, mul_tax);
    const [dapple, dapple_num] = mul.backward(dapple_price, mul_apple);
    expect(price).toBe(apple.price);
    expect(price).toBe(220.00000000000003);
    expect([dapple, dapple_num, dtax]).toStrictEqual([apple.dapple, apple.dappleNum, apple.dtax]);
    expect([dapple, dapple_num, dtax]).toStrictEqual([2.2, 110.00000000000001, 200]);
  });

  it("plus 3 oranges at 150: 715.0000000000001, 110.00000000000001, 2.2, 3.3000000000000003, 165, 650", () => {
    const i = appleOrange.inputs;
    const [apple_price, mul_apple] = mul.forward(input(i, "apple"), input(i, "apple_num"));
    const [orange_price, mul_orange] = mul.forward(input(i, "orange"), input(i, "orange_num"));
    const [all_price, add_fruit] = add.forward(apple_price, orange_price);
    const [price, mul_tax] = mul.forward(all_price, input(i, "tax"));
    const [dall_price, dtax] = mul.backward(1, mul_tax);
    const [dapple_price, dorange_price] = add.backward(dall_price, add_fruit);
    const [dorange, dorange_num] = mul.backward(dorange_price, mul_orange);
    const [dapple, dapple_num] = mul.backward(dapple_price, mul_apple);
    expect(price).toBe(appleOrange.price);
    expect(price).toBe(715.0000000000001);
    expect([dapple_num, dapple, dorange, dorange_num, dtax]).toStrictEqual([
      appleOrange.dappleNum,
      appleOrange.dapple,
      appleOrange.dorange,
      appleOrange.dorangeNum,
      appleOrange.dtax,
    ]);
    expect([dapple_num, dapple, dorange, dorange_num, dtax]).toStrictEqual([
      110.00000000000001, 2.2, 3.3000000000000003, 165, 650,
    ]);
  });
});

describe("mul and add on matrices", () => {
  const x = matrix([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const y = matrix([
    [10, 20, 30],
    [40, 50, 60],
  ]);
  it("same shapes: elementwise, gradients swap the inputs (mul) or pass through (add)", () => {
    const [out, cache] = mul.forward(x, y);
    expect(toArray(out)).toStrictEqual([
      [10, 40, 90],
      [160, 250, 360],
    ]);
    const [dx, dy] = mul.backward(
      matrix([
        [1, 1, 1],
        [2, 2, 2],
      ]),
      cache,
    );
    expect(toArray(dx)).toStrictEqual([
      [10, 20, 30],
      [80, 100, 120],
    ]);
    expect(toArray(dy)).toStrictEqual([
      [1, 2, 3],
      [8, 10, 12],
    ]);
    const [sum, addCache] = add.forward(x, y);
    expect(toArray(sum)).toStrictEqual([
      [11, 22, 33],
      [44, 55, 66],
    ]);
    const dout = matrix([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const [da, db] = add.backward(dout, addCache);
    expect(equals(da, dout) && equals(db, dout)).toBe(true);
  });

  it("a broadcast row's gradient is the sum over the batch: dB = [5, 7, 9] (affine_batch_bias)", () => {
    const { XW, B, XW_plus_B, dY, dB } = loadSeedExamples().affineBatchBias;
    const [out, cache] = add.forward(XW, matrix([B]));
    expect(equals(out, XW_plus_B)).toBe(true);
    const [dXW, dBias] = add.backward(dY, cache);
    expect(equals(dXW, dY)).toBe(true);
    expect(Array.from(dBias.data)).toStrictEqual(dB);
    expect(Array.from(dBias.data)).toStrictEqual([5, 7, 9]);
    expect([dBias.rows, dBias.cols]).toStrictEqual([1, 3]);
  });

  it("a number times a matrix: the number's gradient is Σ dout·x, the matrix's dout·number", () => {
    const [out, cache] = mul.forward(2, x);
    expect(toArray(out)).toStrictEqual([
      [2, 4, 6],
      [8, 10, 12],
    ]);
    const [ds, dx] = mul.backward(
      matrix([
        [1, 1, 1],
        [1, 1, 1],
      ]),
      cache,
    );
    expect(ds).toBe(21);
    expect(toArray(dx)).toStrictEqual([
      [2, 2, 2],
      [2, 2, 2],
    ]);
  });

  it("a column broadcast over the columns gets the sum along each row", () => {
    const [, cache] = add.forward(x, matrix([[100], [200]]));
    const [, dcol] = add.backward(
      matrix([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      cache,
    );
    expect(toArray(dcol)).toStrictEqual([[6], [15]]);
  });

  it("never modifies its inputs", () => {
    const before = toArray(x);
    const [, cache] = mul.forward(x, y);
    mul.backward(y, cache);
    expect(toArray(x)).toStrictEqual(before);
  });
});
