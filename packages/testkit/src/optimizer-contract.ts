import {
  constantSchedule,
  type Grads,
  type Optimizer,
  type OptimizerDefinition,
  type OptimizerState,
  type Parameters,
} from "@stepwise/core";
import { formatShape, type Matrix, sameShape } from "@stepwise/tensor";
import fc from "fast-check";
import {
  at,
  type ContractCheck,
  type ContractSettings,
  type EdgeCase,
  expectIdentical,
  expectUnchanged,
  fail,
  firstNonFinite,
  forAllInputs,
  frozenMatrix,
  metaChecks,
  pattern,
  realIn,
  settingsWithDefaults,
} from "./check.js";
import { short } from "./format.js";

export type OptimizerCheckName =
  | 'meta.kind is "optimizer"'
  | "meta.name is a snake_case name"
  | "the plugin object is frozen"
  | "the optimizer is named as its definition"
  | "init keeps the parameters and shapes every slot like them"
  | "update keeps every key and shape"
  | "update does not mutate its inputs"
  | "deterministic"
  | "a step with a zero gradient"
  | "learning rate 0 changes no parameter"
  | "finite over many steps";

export interface OptimizerContractOptions extends ContractSettings {
  /** The learning rate of the checks (default 0.01). */
  readonly learningRate?: number;
  /**
   * What one step from `init` with every gradient 0 makes of a parameter element w at this learning rate:
   * w itself for every optimizer whose step is a function of the gradient (the default), `w·(1 − lr·λ)`
   * for decoupled weight decay (AdamW).
   */
  readonly zeroGradient?: (w: number, learningRate: number) => number;
  /** Updates in "finite over many steps" (default 50). */
  readonly steps?: number;
}

/** A two-layer network's parameters and a run of gradients, as plain numbers. */
export interface OptimizerInput {
  /** Layer sizes [n0, n1, n2]. */
  readonly layers: readonly [number, number, number];
  readonly parameters: ReadonlyArray<ReadonlyArray<number>>;
  /** One gradient dictionary per step, its matrices in the parameters' order. */
  readonly grads: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;
}

const KEYS = ["W1", "b1", "W2", "b2"] as const;
const shapesOf = ([n0, n1, n2]: OptimizerInput["layers"]): ReadonlyArray<readonly [number, number]> => [
  [n1, n0],
  [n1, 1],
  [n2, n1],
  [n2, 1],
];

const dictionary = (
  layers: OptimizerInput["layers"],
  values: ReadonlyArray<ReadonlyArray<number>>,
  prefix: "" | "d",
): Readonly<Record<string, Matrix>> =>
  Object.freeze(
    Object.fromEntries(
      shapesOf(layers).map(([rows, cols], i) => [
        `${prefix}${KEYS[i]}`,
        frozenMatrix(rows, cols, values[i] ?? []),
      ]),
    ),
  );

const parametersOf = (input: OptimizerInput): Parameters =>
  dictionary(input.layers, input.parameters, "") as Parameters;
const gradsOf = (input: OptimizerInput, step: number): Grads =>
  dictionary(input.layers, input.grads[step] ?? [], "d") as Grads;

/** Every matrix of a state, named as a message would name it: `parameters.W1`, `slots.s.dW1`. */
const matricesOf = (state: OptimizerState): ReadonlyArray<readonly [string, Matrix]> => [
  ...Object.entries(state.parameters).flatMap(([k, m]) =>
    m === undefined ? [] : [[`parameters.${k}`, m] as const],
  ),
  ...Object.entries(state.slots).flatMap(([slot, dict]) =>
    Object.entries(dict).flatMap(([k, m]) => (m === undefined ? [] : [[`slots.${slot}.${k}`, m] as const])),
  ),
];

const expectLike = (what: string, actual: Matrix | undefined, like: Matrix): void => {
  if (actual === undefined) fail(`${what} is missing; it must be shaped like ${formatShape(like)}`);
  else if (!sameShape(actual, like))
    fail(`${what} is ${formatShape(actual)} but must be ${formatShape(like)}, the shape of its parameter`);
};

/** The state's shape: parameters as `parameters` has them, every slot holding dW_l, db_l shaped like W_l, b_l. */
const expectStateShape = (
  what: string,
  state: OptimizerState,
  parameters: Parameters,
  slotNames: ReadonlyArray<string>,
): void => {
  const names = Object.keys(state.slots).sort();
  if (JSON.stringify(names) !== JSON.stringify([...slotNames].sort()))
    fail(
      `${what}: the slots are ${JSON.stringify(names)} but were ${JSON.stringify([...slotNames].sort())} at init`,
    );
  for (const key of KEYS) {
    const like = parameters[key];
    if (like === undefined) continue;
    expectLike(`${what}: parameters.${key}`, state.parameters[key], like);
    for (const slot of names)
      expectLike(`${what}: slots.${slot}.d${key}`, state.slots[slot]?.[`d${key}`], like);
  }
  const extra = Object.keys(state.parameters).filter((k) => !(k in parameters));
  if (extra.length > 0) fail(`${what}: parameters has keys ${extra.join(", ")} that the input did not have`);
};

const expectFinite = (what: string, state: OptimizerState): void => {
  for (const [name, m] of matricesOf(state)) {
    const i = firstNonFinite(m);
    if (i >= 0) fail(`${what}: ${name} element ${at(m, i)} is ${m.data[i]}`);
  }
};

const run = (optimizer: Optimizer, input: OptimizerInput, steps: number): OptimizerState => {
  let state = optimizer.init(parametersOf(input));
  for (let t = 1; t <= steps; t++)
    state = optimizer.update(t, gradsOf(input, (t - 1) % input.grads.length), state);
  return state;
};

const layersArb: fc.Arbitrary<OptimizerInput["layers"]> = fc.tuple(
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 3 }),
);

const inputArb = (steps: number): fc.Arbitrary<OptimizerInput> =>
  layersArb.chain((layers) => {
    const dictArb = fc.tuple(
      ...shapesOf(layers).map(([r, c]) => fc.array(realIn(-3, 3), { minLength: r * c, maxLength: r * c })),
    );
    return fc.record({
      layers: fc.constant(layers),
      parameters: dictArb,
      grads: fc.array(dictArb, { minLength: steps, maxLength: steps }),
    });
  });

/** A fixed input: mixed signs and sizes, gradients that change sign between steps. */
const patterned = (layers: OptimizerInput["layers"], steps: number, scale: number): OptimizerInput => {
  const sizes = shapesOf(layers).map(([r, c]) => r * c);
  return {
    layers,
    parameters: sizes.map((n) => pattern(n)),
    grads: Array.from({ length: steps }, (_, t) =>
      sizes.map((n) => pattern(n).map((x) => (t % 2 === 0 ? x : -x) * scale)),
    ),
  };
};

/**
 * The optimizer contract: what `@stepwise/model`'s fold relies on. An optimizer definition (a registered
 * plugin, hyper-parameters fixed in its name) is made with a constant learning rate and stepped on small
 * two-layer dictionaries: its state has one shape (`{ parameters, slots }`, each slot shaped like the
 * parameters, the same slots at every step), nothing it is given is modified, the same inputs give the same
 * numbers, a zero gradient moves nothing (or only by the declared decay), a zero learning rate moves
 * nothing, and a run of steps stays finite.
 */
export const optimizerChecks = (
  definition: OptimizerDefinition,
  options: OptimizerContractOptions = {},
): ReadonlyArray<ContractCheck<OptimizerCheckName>> => {
  const settings = settingsWithDefaults(options);
  const { learningRate = 0.01, zeroGradient = (w: number) => w, steps = 50 } = options;
  const make = (lr: number): Optimizer => definition.create(constantSchedule(lr));
  const edgeCases: ReadonlyArray<EdgeCase<OptimizerInput>> = [
    { label: "[3, 2, 1], gradients of size 1", input: patterned([3, 2, 1], 3, 1) },
    { label: "[2, 3, 2], gradients of size 1e-8", input: patterned([2, 3, 2], 3, 1e-8) },
    { label: "[2, 2, 1], gradients of size 1e3", input: patterned([2, 2, 1], 3, 1e3) },
  ];
  const forAll = (property: (input: OptimizerInput) => void, n = 3): void =>
    forAllInputs(edgeCases, inputArb(n), property, settings);

  return [
    ...metaChecks(definition, "optimizer"),
    {
      name: "the optimizer is named as its definition",
      run: () => {
        const optimizer = make(learningRate);
        if (optimizer.meta.name !== definition.meta.name || optimizer.meta.kind !== "optimizer")
          fail(
            `create(learning_rate) returned an optimizer named ${JSON.stringify(optimizer.meta.name)} (${optimizer.meta.kind}); it must carry its definition's meta, ${JSON.stringify(definition.meta.name)}`,
          );
      },
    },
    {
      name: "init keeps the parameters and shapes every slot like them",
      run: () =>
        forAll((input) => {
          const optimizer = make(learningRate);
          const parameters = parametersOf(input);
          const state = optimizer.init(parameters);
          const slotNames = Object.keys(state.slots);
          expectStateShape("init", state, parameters, slotNames);
          for (const key of KEYS)
            if (optimizer.params(state)[key] !== parameters[key])
              fail(
                `params(init(parameters)).${key} is not parameters.${key}: init must start from the parameters`,
              );
          expectFinite("init", state);
        }),
    },
    {
      name: "update keeps every key and shape",
      run: () =>
        forAll((input) => {
          const optimizer = make(learningRate);
          const parameters = parametersOf(input);
          const slotNames = Object.keys(optimizer.init(parameters).slots);
          let state = optimizer.init(parameters);
          for (let t = 1; t <= input.grads.length; t++) {
            state = optimizer.update(t, gradsOf(input, t - 1), state);
            expectStateShape(`after update ${t}`, state, parameters, slotNames);
          }
        }),
    },
    {
      name: "update does not mutate its inputs",
      run: () =>
        forAll((input) => {
          const optimizer = make(learningRate);
          const s1 = optimizer.update(1, gradsOf(input, 0), optimizer.init(parametersOf(input)));
          const grads = gradsOf(input, 1);
          const given = [
            ...matricesOf(s1),
            ...Object.entries(grads).flatMap(([k, m]) =>
              m === undefined ? [] : [[`grads.${k}`, m] as const],
            ),
          ];
          const copies = given.map(([, m]) => Float64Array.from(m.data));
          const frozen = Object.freeze({
            parameters: Object.freeze({ ...s1.parameters }),
            slots: Object.freeze(
              Object.fromEntries(Object.entries(s1.slots).map(([k, d]) => [k, Object.freeze({ ...d })])),
            ),
          });
          try {
            optimizer.update(2, grads, frozen);
          } catch (e) {
            fail(
              `update threw on a frozen state (${e instanceof Error ? e.message : String(e)}); it must build a new state, never assign into the one it is given`,
            );
          }
          given.forEach(([name, m], i) => {
            expectUnchanged(`update's input ${name}`, m, copies[i] ?? new Float64Array());
          });
        }),
    },
    {
      name: "deterministic",
      run: () =>
        forAll((input) => {
          const first = matricesOf(run(make(learningRate), input, input.grads.length));
          const second = new Map(matricesOf(run(make(learningRate), input, input.grads.length)));
          for (const [name, m] of first) {
            const again = second.get(name);
            if (again === undefined) fail(`${name} is missing from the second run's state`);
            else expectIdentical(name, m, again);
          }
        }),
    },
    {
      name: "a step with a zero gradient",
      run: () =>
        forAll((input) => {
          const optimizer = make(learningRate);
          const zero: OptimizerInput = { ...input, grads: [input.parameters.map((p) => p.map(() => 0))] };
          const state = optimizer.update(1, gradsOf(zero, 0), optimizer.init(parametersOf(zero)));
          expectFinite("after a step with a zero gradient", state);
          const before = parametersOf(zero);
          for (const key of KEYS) {
            const w = before[key];
            const after = optimizer.params(state)[key];
            if (w === undefined || after === undefined) continue;
            w.data.forEach((x, i) => {
              const expected = zeroGradient(x, learningRate);
              const got = after.data[i] as number;
              if (!(Math.abs(got - expected) <= 1e-15 * Math.abs(expected)))
                fail(
                  `a zero gradient moved ${key} element ${at(w, i)} from ${x} to ${got}, expected ${expected} (difference ${short(got - expected)}); with no gradient only a declared decay may move a parameter (options.zeroGradient)`,
                );
            });
          }
        }, 1),
    },
    {
      name: "learning rate 0 changes no parameter",
      run: () =>
        forAll((input) => {
          const state = run(make(0), input, input.grads.length);
          const before = parametersOf(input);
          for (const key of KEYS) {
            const w = before[key];
            const after = state.parameters[key];
            if (w === undefined || after === undefined) continue;
            w.data.forEach((x, i) => {
              // === rather than Object.is: −0 + (−0)·g is +0, the same number.
              if (after.data[i] !== x)
                fail(
                  `with learning rate 0, ${input.grads.length} updates moved ${key} element ${at(w, i)} from ${x} to ${after.data[i]}; every step must scale with the learning rate`,
                );
            });
          }
        }),
    },
    {
      name: "finite over many steps",
      run: () =>
        forAll((input) => {
          expectFinite(`after ${steps} updates`, run(make(learningRate), input, steps));
        }),
    },
  ];
};
