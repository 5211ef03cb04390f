import {
  type BinaryOp,
  broadcastShape,
  equals,
  jsBackend,
  type Matrix,
  type ReduceOp,
  type UnaryOp,
  unsafeMatrix,
} from "@stepwise/tensor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWasmBackend, hasRelaxedSimd, type WasmBackend } from "../src/index.js";
import { ensureKernels, expectParity, generator, kernels, randomMatrix } from "./helpers.js";

let wasm: WasmBackend;
// Building the kernels (a fresh clone) takes a while: a long timeout for the hook that may do it.
beforeAll(async () => {
  ensureKernels();
  wasm = await createWasmBackend();
}, 180_000);
afterAll(() => wasm.dispose());

const next = generator(7);

it("uses fused multiply-add exactly when the runtime has relaxed SIMD", () => {
  expect(wasm.fusedMultiplyAdd).toBe(hasRelaxedSimd());
  expect(wasm.name).toBe("wasm");
  expect(wasm.threads).toBeGreaterThanOrEqual(1);
});

const exact = (): boolean => !wasm.fusedMultiplyAdd;

/** Operands for op(A)·op(B) with op(A) m × k and op(B) k × n. */
const operands = (m: number, k: number, n: number, tA: boolean, tB: boolean): [Matrix, Matrix] => [
  tA ? randomMatrix(next, k, m) : randomMatrix(next, m, k),
  tB ? randomMatrix(next, n, k) : randomMatrix(next, k, n),
];

const variants = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

describe("matmul agrees with the js reference (relative 1e-12; A·Bᵀ and Aᵀ·B bit for bit without FMA)", () => {
  // Odd sizes, the 4-row / 4-column tile edges, the k-block edge (128), empty and 1×1.
  const shapes: ReadonlyArray<readonly [number, number, number]> = [
    [1, 1, 1],
    [0, 3, 4],
    [3, 0, 4],
    [3, 4, 0],
    [2, 3, 5],
    [4, 4, 4],
    [5, 7, 9],
    [7, 1, 3],
    [1, 13, 1],
    [9, 127, 6],
    [8, 128, 8],
    [6, 129, 11],
    [3, 259, 2],
    [13, 17, 130],
    [70, 300, 90],
    [130, 65, 33],
  ];
  for (const [tA, tB] of variants)
    it.each(shapes)(`${tA ? "Aᵀ" : "A"}·${tB ? "Bᵀ" : "B"} for m, k, n = %i, %i, %i`, (m, k, n) => {
      const [a, b] = operands(m, k, n, tA, tB);
      const expected = kernels(jsBackend).matmul(a, b, tA, tB);
      // Both sum c = c + a·b term by term; the js reference's A·B (and Aᵀ·Bᵀ) groups terms in fours and
      // FMA rounds once, so those differ by a few roundings of partial sums (|a|, |b| ≤ 1: each ≤ k).
      const sameOrder = exact() && tA !== tB;
      expectParity(kernels(wasm).matmul(a, b, tA, tB), expected, {
        atol: 4 * k * k * Number.EPSILON,
        exact: sameOrder,
      });
    });

  it("the cat model's products: W1·X, dZ1·Xᵀ and W1ᵀ·dZ1", () => {
    const X = randomMatrix(next, 12288, 209);
    const W1 = randomMatrix(next, 20, 12288);
    const dZ1 = randomMatrix(next, 20, 209);
    // Relative 1e-12 with an absolute floor of 1e-12 for the few sums that cancel to near 0.
    const loose = { rtol: 1e-12, atol: 1e-12 };
    const sameOrder = { ...loose, exact: exact() };
    expectParity(
      kernels(wasm).matmul(W1, X, false, false),
      kernels(jsBackend).matmul(W1, X, false, false),
      loose,
    );
    expectParity(
      kernels(wasm).matmul(dZ1, X, false, true),
      kernels(jsBackend).matmul(dZ1, X, false, true),
      sameOrder,
    );
    expectParity(
      kernels(wasm).matmul(W1, dZ1, true, false),
      kernels(jsBackend).matmul(W1, dZ1, true, false),
      sameOrder,
    );
  });

  it("never writes to its inputs", () => {
    const [a, b] = operands(9, 140, 10, false, true);
    const [ca, cb] = [a.data.slice(), b.data.slice()];
    kernels(wasm).matmul(a, b, false, true);
    expect(equals(a, unsafeMatrix(a.rows, a.cols, ca)) && equals(b, unsafeMatrix(b.rows, b.cols, cb))).toBe(
      true,
    );
  });
});

describe("matmulDivide: the product divided in the kernel", () => {
  // The k-block edges (128), tile edges and the cat shape of dZ1·Xᵀ; divisors include 1 (no division).
  const shapes: ReadonlyArray<readonly [number, number, number]> = [
    [1, 1, 1],
    [5, 7, 9],
    [6, 129, 11],
    [9, 256, 6],
    [20, 209, 70],
  ];
  for (const [tA, tB] of variants)
    it.each(shapes)(`${tA ? "Aᵀ" : "A"}·${tB ? "Bᵀ" : "B"} / d for m, k, n = %i, %i, %i`, (m, k, n) => {
      const [a, b] = operands(m, k, n, tA, tB);
      for (const d of [209, 3, 1, -0.5]) {
        // Bit for bit the backend's own product, then its own division: one sum, one division each.
        const divided = kernels(wasm).scalar("divide", kernels(wasm).matmul(a, b, tA, tB), d, false);
        expectParity(kernels(wasm).matmulDivide(a, b, tA, tB, d), divided, { exact: true });
        expectParity(
          kernels(wasm).matmulDivide(a, b, tA, tB, d),
          kernels(jsBackend).matmulDivide(a, b, tA, tB, d),
          {
            atol: (4 * k * k * Number.EPSILON) / Math.abs(d),
            exact: exact() && tA !== tB,
          },
        );
      }
    });

  it("an empty sum divides 0, as dividing the empty product does", () => {
    const [a, b] = operands(3, 0, 4, false, true);
    for (const d of [2, -2, 0])
      expectParity(
        kernels(wasm).matmulDivide(a, b, false, true, d),
        kernels(jsBackend).matmulDivide(a, b, false, true, d),
        {
          exact: true,
        },
      );
  });

  it("1, 2 and 3 threads give identical bits on the cat shape of dZ1·Xᵀ / m", async () => {
    const X = randomMatrix(next, 2000, 209);
    const dZ1 = randomMatrix(next, 20, 209);
    const reference = kernels(wasm).matmulDivide(dZ1, X, false, true, 209);
    const backends = await Promise.all([1, 3].map((threads) => createWasmBackend({ threads })));
    try {
      for (const other of backends)
        expect(equals(kernels(other).matmulDivide(dZ1, X, false, true, 209), reference)).toBe(true);
    } finally {
      await Promise.all(backends.map((b) => b.dispose()));
    }
  });
});

describe("results do not depend on the thread count", () => {
  it("1, 2 and 3 threads give identical bits on every variant", async () => {
    const backends = await Promise.all([1, 3].map((threads) => createWasmBackend({ threads })));
    try {
      for (const [tA, tB] of variants) {
        const [a, b] = operands(37, 301, 203, tA, tB);
        const reference = kernels(wasm).matmul(a, b, tA, tB);
        for (const other of backends)
          expect(equals(kernels(other).matmul(a, b, tA, tB), reference)).toBe(true);
      }
    } finally {
      await Promise.all(backends.map((b) => b.dispose()));
    }
  });
});

/** Values that exercise the edges: signed zeros, infinities, NaN, tiny and huge numbers. */
const specials = unsafeMatrix(
  3,
  5,
  Float64Array.from([
    0,
    -0,
    1,
    -1,
    0.5,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
    1e-310,
    -1e-300,
    1e300,
    -2.5,
    3,
    710,
    -745,
  ]),
);

describe("unary agrees with the js reference", () => {
  const ops: ReadonlyArray<UnaryOp> = [
    "negate",
    "exp",
    "log",
    "log1p",
    "sqrt",
    "abs",
    "square",
    "tanh",
    "reciprocal",
  ];
  it.each(ops)("%s", (op) => {
    for (const a of [
      specials,
      randomMatrix(next, 17, 23),
      randomMatrix(next, 1, 1),
      randomMatrix(next, 0, 4),
    ]) {
      // exp, log, log1p and tanh are separate implementations of the same functions (within an ulp).
      const bitwise = exact() && !["exp", "log", "log1p", "tanh"].includes(op);
      expectParity(kernels(wasm).unary(op, a), kernels(jsBackend).unary(op, a), { exact: bitwise });
    }
  });
});

const binaryOps: ReadonlyArray<BinaryOp> = [
  "add",
  "subtract",
  "multiply",
  "divide",
  "maximum",
  "minimum",
  "greater",
  "greaterEqual",
  "less",
  "lessEqual",
  "equal",
];

describe("binary agrees with the js reference, with numpy broadcasting", () => {
  const shapePairs: ReadonlyArray<readonly [readonly [number, number], readonly [number, number]]> = [
    [
      [7, 9],
      [7, 9],
    ],
    [
      [7, 9],
      [7, 1],
    ],
    [
      [7, 9],
      [1, 9],
    ],
    [
      [7, 9],
      [1, 1],
    ],
    [
      [7, 1],
      [1, 9],
    ],
    [
      [1, 9],
      [7, 1],
    ],
    [
      [1, 1],
      [6, 5],
    ],
    [
      [1, 1],
      [1, 1],
    ],
    [
      [0, 3],
      [1, 3],
    ],
    [
      [4, 0],
      [4, 1],
    ],
  ];
  it.each(binaryOps)("%s", (op) => {
    for (const [[ar, ac], [br, bc]] of shapePairs) {
      const a = randomMatrix(next, ar, ac);
      // Some equal elements, so the comparisons see ties.
      const b = unsafeMatrix(
        br,
        bc,
        Float64Array.from(randomMatrix(next, br, bc).data, (v, i) => (i % 3 === 0 ? (a.data[i] ?? v) : v)),
      );
      const out = broadcastShape(op, a, b);
      expectParity(kernels(wasm).binary(op, a, b, out), kernels(jsBackend).binary(op, a, b, out), {
        exact: true,
      });
    }
    const flipped = unsafeMatrix(3, 5, specials.data.slice().reverse());
    expectParity(
      kernels(wasm).binary(op, specials, flipped, [3, 5]),
      kernels(jsBackend).binary(op, specials, flipped, [3, 5]),
      {
        exact: true,
      },
    );
  });
});

describe("scalar agrees with the js reference", () => {
  it.each(binaryOps)("%s, matrix first and scalar first", (op) => {
    for (const a of [specials, randomMatrix(next, 5, 11), randomMatrix(next, 0, 2)])
      for (const s of [0, -0, 2.5, -1, Number.NaN, Number.POSITIVE_INFINITY, a.data[1] ?? 0])
        for (const first of [false, true])
          expectParity(kernels(wasm).scalar(op, a, s, first), kernels(jsBackend).scalar(op, a, s, first), {
            exact: true,
          });
  });
});

describe("reduce agrees with the js reference, in its summation order", () => {
  const ops: ReadonlyArray<ReduceOp> = ["sum", "max", "min"];
  it.each(ops)("%s over axis 0, axis 1 and everything", (op) => {
    const withNaN = unsafeMatrix(
      3,
      4,
      Float64Array.from([1, Number.NaN, 3, -1, 2, 0, -0, 5, Number.NaN, 1, 1, 1]),
    );
    for (const a of [
      randomMatrix(next, 13, 17),
      randomMatrix(next, 1, 1),
      randomMatrix(next, 0, 3),
      randomMatrix(next, 3, 0),
      withNaN,
      specials,
    ])
      for (const axis of [0, 1, "all"] as const)
        expectParity(kernels(wasm).reduce(op, a, axis), kernels(jsBackend).reduce(op, a, axis), {
          exact: true,
        });
  });
});

describe("axpby agrees with the js reference bit for bit (two roundings, never fused)", () => {
  it("on edge values, odd lengths and every kind of scalar", () => {
    const flipped = unsafeMatrix(3, 5, specials.data.slice().reverse());
    const pairs: ReadonlyArray<readonly [Matrix, Matrix]> = [
      [specials, flipped],
      [randomMatrix(next, 7, 9), randomMatrix(next, 7, 9)],
      [randomMatrix(next, 1, 1), randomMatrix(next, 1, 1)],
      [randomMatrix(next, 0, 3), randomMatrix(next, 0, 3)],
    ];
    const scalars = [1, 0, -0, 0.9, -0.0075, 1e300, Number.NaN, Number.NEGATIVE_INFINITY];
    for (const [a, b] of pairs)
      for (const alpha of scalars)
        for (const beta of scalars) {
          const expected = kernels(jsBackend).axpby(alpha, a, beta, b);
          expectParity(kernels(wasm).axpby(alpha, a, beta, b), expected, { exact: true });
          const composed = kernels(wasm).binary(
            "add",
            kernels(wasm).scalar("multiply", a, alpha, true),
            kernels(wasm).scalar("multiply", b, beta, true),
            [a.rows, a.cols],
          );
          expectParity(composed, expected, { exact: true });
        }
  });
});
