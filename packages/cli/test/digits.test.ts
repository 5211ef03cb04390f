import { load_mnist } from "@stepwise/data/node";
import { describe, expect, it } from "vitest";
import { check_digits_gradients, DIGITS_DEFAULTS, init_two_layer_net, train_digits } from "../src/digits.js";

describe("stepwise train --task digits: the notes' TwoLayerNet", () => {
  it("gives the worked example's numbers, bit for bit (apps/examples' train_digits, same options)", () => {
    // Measured with apps/examples/src/digits.ts's train_digits on the same split and options; the CLI
    // keeps its own copy of the run because a published package cannot import the private examples app.
    const data = load_mnist({ train: 1000, test: 200, seed: 3 });
    const { history } = train_digits(data, { epochs: 3, mini_batch_size: 50, seed: 7 });
    expect(history.map(({ seconds: _, ...h }) => h)).toStrictEqual([
      { epoch: 1, cost: 2.299287116568955, train_accuracy: 0.301, test_accuracy: 0.275 },
      { epoch: 2, cost: 2.2731334966416097, train_accuracy: 0.461, test_accuracy: 0.41 },
      { epoch: 3, cost: 2.149849110041395, train_accuracy: 0.494, test_accuracy: 0.44 },
    ]);
  });

  it("backprop agrees with numerical gradients (gradient_check_n on a 784 → 10 → 10 network)", () => {
    const data = load_mnist({ train: 3, test: 1 });
    const parameters = init_two_layer_net(784, 10, 10, DIGITS_DEFAULTS.weight_init_std, 1);
    expect(check_digits_gradients(parameters, data)).toBeLessThan(2e-7);
  });
});
