import type { Cost } from "@stepwise/core";
import { type Matrix, sliceColumns } from "@stepwise/tensor";
import fc from "fast-check";
import {
  at,
  type ContractCheck,
  type ContractSettings,
  type EdgeCase,
  expectIdentical,
  expectSameShape,
  expectUnchanged,
  fail,
  firstNonFinite,
  forAllInputs,
  frozenMatrix,
  metaChecks,
  pairs,
  realIn,
  settingsWithDefaults,
} from "./check.js";
import { finiteDifferenceEstimate } from "./finite-difference.js";
import { short } from "./format.js";

export type CostCheckName =
  | 'meta.kind is "cost"'
  | "meta.name is a snake_case name"
  | "the plugin object is frozen"
  | "compute_cost returns a finite number"
  | "cost_backward keeps the shape"
  | "compute_cost does not mutate its inputs"
  | "cost_backward does not mutate its inputs"
  | "deterministic"
  | "finite at the domain edges"
  | "cost_backward agrees with finite differences";

/**
 * What AL looks like: independent values in the domain (sigmoid outputs, default (0, 1)), columns that are
 * probability distributions (softmax outputs), or any real numbers in the domain (default [-50, 50]).
 */
export type CostOutputs = "probabilities" | "columnDistribution" | "real";

/** What Y looks like: {0, 1}, {-1, 1} (hinge), one-hot columns, or real numbers in the domain. */
export type CostTargets = "binary" | "signed" | "oneHot" | "real";

/** The values AL may take: the open interval (low, high), or [low, high] when `inclusive`. */
export interface Domain {
  readonly low: number;
  readonly high: number;
  readonly inclusive?: boolean;
}

export interface CostContractOptions extends ContractSettings {
  /** Default "real". */
  readonly outputs?: CostOutputs;
  /** Default: binary for probabilities, oneHot for columnDistribution, real for real. */
  readonly targets?: CostTargets;
  /** For probabilities and real outputs; columnDistribution uses only `inclusive` (exact one-hot AL). */
  readonly domain?: Domain;
  /** True where the loss has a kink in a (mae: a = y); the finite-difference check skips those elements. */
  readonly nearKink?: (a: number, y: number) => boolean;
}

/** AL and Y, as plain data. */
export interface CostInput {
  readonly rows: number;
  readonly cols: number;
  readonly AL: ReadonlyArray<number>;
  readonly Y: ReadonlyArray<number>;
}

interface Layout {
  readonly outputs: CostOutputs;
  readonly targets: CostTargets;
  readonly domain: Required<Domain>;
  /** Where random and tabled AL come from: inside the domain, away from its edges, at most ±10. */
  readonly sampleLow: number;
  readonly sampleHigh: number;
  /** The AL values "finite at the domain edges" uses. */
  readonly edges: ReadonlyArray<number>;
  readonly minRows: number;
}

const DEFAULT_TARGETS: Readonly<Record<CostOutputs, CostTargets>> = {
  probabilities: "binary",
  columnDistribution: "oneHot",
  real: "real",
};

// Open edges sit this fraction of the domain's width inside it: log(1e-12) is finite, log(0) is not.
const EDGE_MARGIN = 1e-12;

const layoutOf = ({ outputs = "real", targets, domain }: CostContractOptions): Layout => {
  const fallback = outputs === "real" ? { low: -50, high: 50, inclusive: true } : { low: 0, high: 1 };
  const { low, high, inclusive = false } = domain ?? fallback;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low < high))
    fail(`runCostContract: domain must have finite low < high, got [${low}, ${high}]`);
  const width = high - low;
  const inner = [low + 0.01 * width, high - 0.01 * width] as const;
  const clamped = [Math.max(inner[0], -10), Math.min(inner[1], 10)] as const;
  const [sampleLow, sampleHigh] = clamped[0] < clamped[1] ? clamped : inner;
  const margin = inclusive ? 0 : EDGE_MARGIN * width;
  const ends = [low + margin, high - margin];
  return {
    outputs,
    targets: targets ?? DEFAULT_TARGETS[outputs],
    domain: { low, high, inclusive },
    sampleLow,
    sampleHigh,
    edges: low < 0 && high > 0 ? [ends[0] as number, 0, ends[1] as number] : ends,
    minRows: outputs === "columnDistribution" ? 2 : 1,
  };
};

/** Makes every column of a (rows, cols) row-major array sum to 1. */
const normalizeColumns = (
  rows: number,
  cols: number,
  weights: ReadonlyArray<number>,
): ReadonlyArray<number> => {
  const sums = Array.from({ length: cols }, (_, j) =>
    Array.from({ length: rows }, (_, i) => weights[i * cols + j] as number).reduce((s, w) => s + w, 0),
  );
  return weights.map((w, k) => w / (sums[k % cols] as number));
};

const oneHot = (rows: number, cols: number, hot: (j: number) => number, off: number): ReadonlyArray<number> =>
  Array.from({ length: rows * cols }, (_, k) => (Math.floor(k / cols) === hot(k % cols) ? 1 : off));

const inputs = (layout: Layout): fc.Arbitrary<CostInput> =>
  fc
    .record({ rows: fc.integer({ min: layout.minRows, max: 4 }), cols: fc.integer({ min: 1, max: 5 }) })
    .chain(({ rows, cols }) => {
      const n = rows * cols;
      const list = (element: fc.Arbitrary<number>) => fc.array(element, { minLength: n, maxLength: n });
      const inSample = realIn(layout.sampleLow, layout.sampleHigh);
      const AL =
        layout.outputs === "columnDistribution"
          ? list(realIn(0.05, 1)).map((w) => normalizeColumns(rows, cols, w))
          : list(inSample);
      const Y =
        layout.targets === "binary"
          ? list(fc.constantFrom(0, 1))
          : layout.targets === "signed"
            ? list(fc.constantFrom(-1, 1))
            : layout.targets === "oneHot"
              ? fc
                  .array(fc.integer({ min: 0, max: rows - 1 }), { minLength: cols, maxLength: cols })
                  .map((hot) => oneHot(rows, cols, (j) => hot[j] as number, 0))
              : list(inSample);
      return fc.record({ rows: fc.constant(rows), cols: fc.constant(cols), AL, Y });
    });

/** Targets for a tabled case, cycling through the kind's values. */
const tabledTargets = (layout: Layout, rows: number, cols: number): ReadonlyArray<number> => {
  const n = rows * cols;
  const { sampleLow: lo, sampleHigh: hi } = layout;
  switch (layout.targets) {
    case "binary":
      return Array.from({ length: n }, (_, k) => ((k * 7 + 1) % 3 === 0 ? 0 : 1));
    case "signed":
      return Array.from({ length: n }, (_, k) => ((k * 7 + 1) % 3 === 0 ? -1 : 1));
    case "oneHot":
      return oneHot(rows, cols, (j) => (j + 1) % rows, 0);
    case "real":
      return Array.from({ length: n }, (_, k) => lo + ((k * 3 + 2) % 5) * 0.25 * (hi - lo));
  }
};

// Where tabled AL values sit between sampleLow and sampleHigh: both ends, the middle, and between.
const TABLE_FRACTIONS = [0, 0.25, 0.5, 0.75, 1, 0.1, 0.9];

const tabled = (layout: Layout, label: string, rows: number, cols: number): EdgeCase<CostInput> => {
  const n = rows * cols;
  const { sampleLow: lo, sampleHigh: hi } = layout;
  const AL =
    layout.outputs === "columnDistribution"
      ? normalizeColumns(
          rows,
          cols,
          Array.from({ length: n }, (_, k) => 1 + ((k * 5) % 7)),
        )
      : Array.from(
          { length: n },
          (_, k) => lo + (TABLE_FRACTIONS[k % TABLE_FRACTIONS.length] ?? 0) * (hi - lo),
        );
  return { label, input: { rows, cols, AL, Y: tabledTargets(layout, rows, cols) } };
};

const edgeCases = (layout: Layout): ReadonlyArray<EdgeCase<CostInput>> => [
  tabled(layout, "one example", layout.minRows, 1),
  tabled(layout, "a few examples", 3, 4),
];

const targetSet = (layout: Layout): ReadonlyArray<number> =>
  layout.targets === "binary" || layout.targets === "oneHot"
    ? [0, 1]
    : layout.targets === "signed"
      ? [-1, 1]
      : layout.edges;

/** Every pairing of an AL edge with a target value, as a row and as two rows (the second reversed). */
const domainEdgeCases = (layout: Layout): ReadonlyArray<EdgeCase<CostInput>> => {
  if (layout.outputs === "columnDistribution") {
    const tiny = layout.domain.inclusive ? 0 : EDGE_MARGIN;
    return [2, 3].map((rows) => {
      // Column (p, q): the mass sits on row p, the target on row q; all rows² combinations.
      const cols = rows * rows;
      const AL = Array.from({ length: rows * cols }, (_, k) => {
        const [i, j] = [Math.floor(k / cols), k % cols];
        return i === Math.floor(j / rows) ? 1 - (rows - 1) * tiny : tiny;
      });
      const off = layout.targets === "signed" ? -1 : 0;
      return {
        label: `${rows} classes, each column as sure as float64 allows`,
        input: { rows, cols, AL, Y: oneHot(rows, cols, (j) => j % rows, off) },
      };
    });
  }
  if (layout.targets === "oneHot") {
    const columns = pairs(layout.edges, layout.edges).flatMap(([a, b]) =>
      [0, 1].map((hot) => ({ a, b, hot })),
    );
    const cols = columns.length;
    return [
      {
        label: "two classes at the domain edges",
        input: {
          rows: 2,
          cols,
          AL: [...columns.map(({ a }) => a), ...columns.map(({ b }) => b)],
          Y: oneHot(2, cols, (j) => columns[j]?.hot ?? 0, 0),
        },
      },
    ];
  }
  const columns = pairs(layout.edges, targetSet(layout));
  const cols = columns.length;
  const reversed = [...columns].reverse();
  return [
    {
      label: "every edge of AL against every target, one row",
      input: { rows: 1, cols, AL: columns.map(([a]) => a), Y: columns.map(([, y]) => y) },
    },
    {
      label: "every edge of AL against every target, two rows",
      input: {
        rows: 2,
        cols,
        AL: [...columns, ...reversed].map(([a]) => a),
        Y: [...columns, ...reversed].map(([, y]) => y),
      },
    },
  ];
};

const ALof = ({ rows, cols, AL }: CostInput): Matrix => frozenMatrix(rows, cols, AL);
const Yof = ({ rows, cols, Y }: CostInput): Matrix => frozenMatrix(rows, cols, Y);

const describeDomain = ({ outputs, domain: { low, high, inclusive } }: Layout): string =>
  outputs === "columnDistribution"
    ? `columns that are probability distributions${inclusive ? ", one-hot included" : ""}`
    : `${inclusive ? "[" : "("}${low}, ${high}${inclusive ? "]" : ")"}`;

const columnOf = (m: Matrix, j: number): ReadonlyArray<number> => Array.from(sliceColumns(m, j, j + 1).data);

/** The first example (column) on which compute_cost alone is not finite, to name it in the message. */
const culprit = (plugin: Cost, AL: Matrix, Y: Matrix): string => {
  for (let j = 0; j < AL.cols; j++) {
    const a = sliceColumns(AL, j, j + 1);
    const y = sliceColumns(Y, j, j + 1);
    const J = plugin.compute_cost(a, y);
    if (!Number.isFinite(J))
      return `; on example ${j} alone (AL column ${JSON.stringify(columnOf(AL, j))}, Y column ${JSON.stringify(columnOf(Y, j))}) it is ${J}`;
  }
  return "";
};

/**
 * The cost contract as a list of checks, each throwing on a violation. `runCostContract` registers them as
 * vitest tests; call them directly to test the contract itself.
 */
export const costChecks = (
  plugin: Cost,
  options: CostContractOptions = {},
): ReadonlyArray<ContractCheck<CostCheckName>> => {
  const settings = settingsWithDefaults(options);
  const { epsilon, rtol, atol } = settings;
  const { nearKink } = options;
  const layout = layoutOf(options);
  const table = edgeCases(layout);
  const random = inputs(layout);
  const forAll = (property: (input: CostInput) => void): void =>
    forAllInputs(table, random, property, settings);
  const domainHint =
    layout.outputs === "real" && options.domain === undefined
      ? '; if the cost is defined on part of the reals only, say so: { outputs: "probabilities" } or { domain: { low, high } }'
      : "";

  const expectFiniteCost = (AL: Matrix, Y: Matrix, where: string): void => {
    const J = plugin.compute_cost(AL, Y);
    if (typeof J !== "number" || !Number.isFinite(J))
      fail(`compute_cost(AL, Y) returned ${String(J)}${where}${culprit(plugin, AL, Y)}${domainHint}`);
  };

  return [
    ...metaChecks(plugin, "cost"),
    {
      name: "compute_cost returns a finite number",
      run: () =>
        forAll((input) => {
          expectFiniteCost(ALof(input), Yof(input), ` for AL in ${describeDomain(layout)}`);
        }),
    },
    {
      name: "cost_backward keeps the shape",
      run: () =>
        forAll((input) => {
          const AL = ALof(input);
          expectSameShape("cost_backward(AL, Y)'s dAL", plugin.cost_backward(AL, Yof(input)), AL);
        }),
    },
    {
      name: "compute_cost does not mutate its inputs",
      run: () =>
        forAll((input) => {
          const [AL, Y] = [ALof(input), Yof(input)];
          const [ALBefore, YBefore] = [AL.data.slice(), Y.data.slice()];
          plugin.compute_cost(AL, Y);
          expectUnchanged("compute_cost's input AL", AL, ALBefore);
          expectUnchanged("compute_cost's input Y", Y, YBefore);
        }),
    },
    {
      name: "cost_backward does not mutate its inputs",
      run: () =>
        forAll((input) => {
          const [AL, Y] = [ALof(input), Yof(input)];
          const [ALBefore, YBefore] = [AL.data.slice(), Y.data.slice()];
          plugin.cost_backward(AL, Y);
          expectUnchanged("cost_backward's input AL", AL, ALBefore);
          expectUnchanged("cost_backward's input Y", Y, YBefore);
        }),
    },
    {
      name: "deterministic",
      run: () =>
        forAll((input) => {
          const J1 = plugin.compute_cost(ALof(input), Yof(input));
          const J2 = plugin.compute_cost(ALof(input), Yof(input));
          if (!Object.is(J1, J2))
            fail(
              `compute_cost is not deterministic: ${J1} on the first call and ${J2} on the second, for the same inputs; a plugin must not keep state or draw random numbers`,
            );
          expectIdentical(
            "cost_backward(AL, Y)",
            plugin.cost_backward(ALof(input), Yof(input)),
            plugin.cost_backward(ALof(input), Yof(input)),
          );
        }),
    },
    {
      name: "finite at the domain edges",
      run: () =>
        forAllInputs(
          domainEdgeCases(layout),
          random,
          (input) => {
            const [AL, Y] = [ALof(input), Yof(input)];
            const hint = `; a cost must be finite on its whole stated domain, AL in ${describeDomain(layout)}: use a stable form or clip, or state the domain it has`;
            const J = plugin.compute_cost(AL, Y);
            if (typeof J !== "number" || !Number.isFinite(J))
              fail(`compute_cost(AL, Y) returned ${String(J)}${culprit(plugin, AL, Y)}${hint}`);
            const dAL = plugin.cost_backward(AL, Y);
            const bad = firstNonFinite(dAL);
            if (bad >= 0)
              fail(
                `cost_backward(AL, Y) gives dAL = ${dAL.data[bad]} at ${at(dAL, bad)} where a = ${AL.data[bad]} and y = ${Y.data[bad]}${hint}`,
              );
          },
          settings,
        ),
    },
    {
      name: "cost_backward agrees with finite differences",
      run: () =>
        forAll((input) => {
          const m = input.cols;
          const dAL = plugin.cost_backward(ALof(input), Yof(input));
          expectSameShape("cost_backward(AL, Y)'s dAL", dAL, ALof(input));
          const { gradient, roundoff } = finiteDifferenceEstimate(
            (AL) => plugin.compute_cost(AL, Yof(input)),
            ALof(input),
            epsilon,
          );
          for (let i = 0; i < dAL.data.length; i++) {
            const a = input.AL[i] as number;
            const y = input.Y[i] as number;
            if (nearKink?.(a, y) === true) continue;
            const analytic = (dAL.data[i] as number) / m;
            const numeric = gradient.data[i] as number;
            const tolerance =
              atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric)) + (roundoff.data[i] as number);
            const where = `at ${at(dAL, i)} where a = ${a} and y = ${y}: cost_backward/m = ${analytic}, finite differences of compute_cost give ${numeric}`;
            if (!(Number.isFinite(analytic) && Number.isFinite(numeric)))
              fail(`cost_backward cannot be checked ${where}; both must be finite${domainHint}`);
            if (!(Math.abs(analytic - numeric) <= tolerance))
              fail(
                `cost_backward(AL, Y)/m disagrees with ∂J/∂AL by central finite differences ${where} (ratio ${short(analytic / numeric)}); |difference| ${short(Math.abs(analytic - numeric))} > tolerance ${short(tolerance)} (atol ${short(atol)} + rtol ${short(rtol)}·|dAL/m| + round-off). cost_backward returns dAL, the derivative of the per-example loss, and compute_cost is its mean over the m = ${m} columns, so dAL/m must equal ∂J/∂AL${
                  nearKink === undefined
                    ? "; if the loss has a kink at this (a, y), declare it: { nearKink: (a, y) => … }"
                    : ""
                }`,
              );
          }
        }),
    },
  ];
};
