/**
 * Example `apple`: the notes' first computational graph, run forward and backward by hand.
 *
 *   apple (100) ──┐
 *                 ×── apple_price (200) ──┐
 *   apple_num (2)─┘                       ×── price (220.00000000000003)
 *                              tax (1.1) ─┘
 *
 * Forward multiplies along the edges; backward starts from dprice = 1 and each `mul` node sends back the
 * incoming gradient times the OTHER input. The numbers are float64's, exactly as numpy prints them:
 * 200 × 1.1 is 220.00000000000003 and 1.1 × 100 is 110.00000000000001, because 1.1 has no exact binary form.
 *
 * Run: pnpm example apple
 */
import { mul } from "@stepwise/graph";
import { runIfMain } from "./run.js";

export interface AppleResult {
  readonly price: number;
  readonly dapple: number;
  readonly dapple_num: number;
  readonly dtax: number;
}

/** The price of `apple_num` apples at `apple` each with `tax`, and its gradient with respect to each input. */
export const buy_apple = (apple = 100, apple_num = 2, tax = 1.1): AppleResult => {
  // forward: each node returns its output and the cache its backward pass needs
  const [apple_price, mul_apple_layer] = mul.forward(apple, apple_num);
  const [price, mul_tax_layer] = mul.forward(apple_price, tax);

  // backward: in reverse order, starting from dprice = 1
  const dprice = 1;
  const [dapple_price, dtax] = mul.backward(dprice, mul_tax_layer);
  const [dapple, dapple_num] = mul.backward(dapple_price, mul_apple_layer);

  return { price, dapple, dapple_num, dtax };
};

export const main = (): void => {
  const { price, dapple, dapple_num, dtax } = buy_apple();
  console.log("price:", price); // 220.00000000000003
  console.log("dapple:", dapple); // 2.2
  console.log("dapple_num:", dapple_num); // 110.00000000000001
  console.log("dtax:", dtax); // 200
};

runIfMain(import.meta.url, main);
