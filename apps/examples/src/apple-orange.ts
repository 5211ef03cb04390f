/**
 * Example `apple-orange`: the notes' second computational graph, with an `add` node.
 *
 *   apple (100) ────┐
 *                   ×── 200 ──┐
 *   apple_num (2) ──┘         +── all_price (650) ──┐
 *   orange (150) ───┐         │                     ×── price (715.0000000000001)
 *                   ×── 450 ──┘          tax (1.1) ─┘
 *   orange_num (3) ─┘
 *
 * Backward from dprice = 1: the tax node sends 1.1 to all_price and 650 to tax; the add node passes its
 * gradient (1.1) unchanged to both prices; each mul node multiplies it by the other input.
 *
 * Run: pnpm example apple-orange
 */
import { add, mul } from "@stepwise/graph";
import { runIfMain } from "./run.js";

export interface AppleOrangeResult {
  readonly price: number;
  readonly dapple_num: number;
  readonly dapple: number;
  readonly dorange: number;
  readonly dorange_num: number;
  readonly dtax: number;
}

export const buy_apple_orange = (
  apple = 100,
  apple_num = 2,
  orange = 150,
  orange_num = 3,
  tax = 1.1,
): AppleOrangeResult => {
  // forward
  const [apple_price, mul_apple_layer] = mul.forward(apple, apple_num);
  const [orange_price, mul_orange_layer] = mul.forward(orange, orange_num);
  const [all_price, add_apple_orange_layer] = add.forward(apple_price, orange_price);
  const [price, mul_tax_layer] = mul.forward(all_price, tax);

  // backward, in reverse order
  const dprice = 1;
  const [dall_price, dtax] = mul.backward(dprice, mul_tax_layer);
  const [dapple_price, dorange_price] = add.backward(dall_price, add_apple_orange_layer);
  const [dorange, dorange_num] = mul.backward(dorange_price, mul_orange_layer);
  const [dapple, dapple_num] = mul.backward(dapple_price, mul_apple_layer);

  return { price, dapple_num, dapple, dorange, dorange_num, dtax };
};

export const main = (): void => {
  const r = buy_apple_orange();
  console.log("price:", r.price); // 715.0000000000001
  console.log("dapple_num:", r.dapple_num); // 110.00000000000001
  console.log("dapple:", r.dapple); // 2.2
  console.log("dorange:", r.dorange); // 3.3000000000000003
  console.log("dorange_num:", r.dorange_num); // 165
  console.log("dtax:", r.dtax); // 650
};

runIfMain(import.meta.url, main);
