import type { BinaryOp, ReduceOp, UnaryOp } from "@stepwise/tensor";

/** Op codes of assembly/elementwise.ts. */
export const unaryCode: Readonly<Record<UnaryOp, number>> = {
  negate: 0,
  exp: 1,
  log: 2,
  log1p: 3,
  sqrt: 4,
  abs: 5,
  square: 6,
  tanh: 7,
  reciprocal: 8,
};

export const binaryCode: Readonly<Record<BinaryOp, number>> = {
  add: 0,
  subtract: 1,
  multiply: 2,
  divide: 3,
  maximum: 4,
  minimum: 5,
  greater: 6,
  greaterEqual: 7,
  less: 8,
  lessEqual: 9,
  equal: 10,
};

export const reduceCode: Readonly<Record<ReduceOp, number>> = { sum: 0, max: 1, min: 2 };
