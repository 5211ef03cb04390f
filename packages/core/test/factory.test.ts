import { invalidArgument, jsBackend, map, raise, toBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  type Activation,
  asPlugin,
  type Cost,
  defineActivation,
  defineCost,
  defineMatrixActivation,
  definePluginFactory,
  describeRange,
  getActivation,
  getCost,
  getOptimizer,
  getPlugin as getPluginOf,
  makeRegistry,
  type OptimizerDefinition,
  type ParameterSpec,
  type PluginFactory,
  type Registry,
  registeredNames,
} from "../src/index.js";
import { matrix } from "./helpers.js";

// A leaky ReLU factory written the way a plugin package writes one; create names its plugin sloppily on
// purpose, to show that the registry names what it returns canonically.
const leakyRelu: PluginFactory<"activation"> = {
  kind: "activation",
  name: "leaky_relu",
  package: "@stepwise/activation-leaky-relu",
  parameters: { alpha: { default: 0.01, min: 0 } },
  create: ({ alpha = 0.01 }) =>
    defineMatrixActivation({
      name: `leaky_relu(alpha=${alpha.toFixed(3)})`,
      forward: (Z) => map(Z, (z) => (z > 0 ? z : alpha * z)),
      backward: (dA) => dA,
    }),
};

const focal: PluginFactory<"cost"> = {
  kind: "cost",
  name: "focal",
  parameters: { gamma: { default: 2, min: 0 }, alpha: { default: 0.25, min: 0, max: 1 } },
  create: ({ gamma = 2, alpha = 0.25 }) =>
    defineCost({
      name: `focal(gamma=${gamma}, alpha=${alpha})`,
      package: "@stepwise/cost-focal",
      loss: (a, y) => alpha * (a - y) ** gamma,
      derivative: () => 0,
    }),
};

const huber: PluginFactory<"cost"> = {
  kind: "cost",
  name: "huber",
  parameters: { delta: { default: 1, greaterThan: 0 } },
  create: ({ delta = 1 }) =>
    defineCost({ name: "huber", loss: (a, y) => delta * Math.abs(a - y), derivative: () => 0 }),
};

const layers: PluginFactory<"activation"> = {
  kind: "activation",
  name: "stairs",
  parameters: { steps: { default: 3, min: 1, max: 10, integer: true } },
  create: ({ steps = 3 }) => {
    if (steps === 7) raise(invalidArgument("stairs: 7 steps are unlucky; pick another"));
    return defineActivation({
      name: "stairs",
      fn: (z) => Math.round(z * steps) / steps,
      derivative: () => 0,
    });
  },
};

const plain = (name: string, pkg?: string): Activation =>
  defineActivation({
    name,
    ...(pkg === undefined ? {} : { package: pkg }),
    fn: (z) => z,
    derivative: () => 1,
  });

const gd: OptimizerDefinition = {
  meta: { kind: "optimizer", name: "gd" },
  linearInGradient: true,
  create: () => {
    throw new Error("not used");
  },
};

const orThrow = <A>(result: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const registry: Registry = orThrow(
  makeRegistry({
    activations: [plain("relu"), leakyRelu, layers],
    costs: [focal, huber],
    optimizers: [gd],
  }),
);

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";
const tag = (result: E.Either<{ _tag: string }, unknown>): string =>
  E.isLeft(result) ? result.left._tag : "Right";

describe("factories in the registry", () => {
  // name asked for → canonical name of the plugin built
  const built: ReadonlyArray<readonly [string, string]> = [
    ["leaky_relu", "leaky_relu(alpha=0.01)"],
    ["leaky_relu()", "leaky_relu(alpha=0.01)"],
    ["leaky_relu(alpha=0.2)", "leaky_relu(alpha=0.2)"],
    ["leaky_relu( alpha = 2e-1 )", "leaky_relu(alpha=0.2)"],
    ["leaky_relu(alpha=0)", "leaky_relu(alpha=0)"],
    ["stairs(steps=10)", "stairs(steps=10)"],
  ];
  it.each(built)("activation %j is %j", (name, canonical) => {
    expect(E.map((a: Activation) => a.meta.name)(getActivation(registry, name))).toEqual(E.right(canonical));
  });

  const costs: ReadonlyArray<readonly [string, string]> = [
    ["focal", "focal(gamma=2, alpha=0.25)"],
    ["focal(alpha=0.5)", "focal(gamma=2, alpha=0.5)"],
    ["focal(alpha=0.5, gamma=0)", "focal(gamma=0, alpha=0.5)"],
    ["focal(gamma=1.50, alpha=1)", "focal(gamma=1.5, alpha=1)"],
    ["huber(delta=1e-3)", "huber(delta=0.001)"],
  ];
  it.each(costs)("cost %j is %j", (name, canonical) => {
    expect(E.map((c: Cost) => c.meta.name)(getCost(registry, name))).toEqual(E.right(canonical));
  });

  it("the plugin built uses the parameters, and carries the factory's package when it names none", () => {
    const a = orThrow(getActivation(registry, "leaky_relu(alpha=0.5)"));
    expect(Array.from(a.forward(matrix([[-2, 3]]))[0].data)).toEqual([-1, 3]);
    expect(a.meta.package).toBe("@stepwise/activation-leaky-relu");
    expect(Object.isFrozen(a) && Object.isFrozen(a.meta)).toBe(true);
    const f = orThrow(getCost(registry, "focal"));
    expect(f.meta.package).toBe("@stepwise/cost-focal");
  });

  it("a name read back from a built plugin builds the same plugin", () => {
    for (const name of ["leaky_relu(alpha=0.3)", "focal(gamma=0.5, alpha=0.75)"]) {
      const first = orThrow(getPlugin(name));
      expect(orThrow(getPlugin(first.meta.name)).meta.name).toBe(first.meta.name);
    }
  });

  // name → error tag and message
  const refused: ReadonlyArray<readonly [string, "activation" | "cost", string, string]> = [
    [
      "leaky_relu(slope=0.2)",
      "activation",
      "InvalidArgument",
      'leaky_relu(slope=0.2): leaky_relu has no parameter "slope"; its parameters: alpha (a number ≥ 0, default 0.01)',
    ],
    [
      "leaky_relu(alpha=-1)",
      "activation",
      "InvalidArgument",
      "leaky_relu(alpha=-1): alpha must be a number ≥ 0, got -1 (default 0.01)",
    ],
    [
      "leaky_relu(alpha=abc)",
      "activation",
      "InvalidArgument",
      'plugin name "leaky_relu(alpha=abc)": alpha=abc: "abc" is not a number',
    ],
    ["leaky_relu(alpha=0.1", "activation", "InvalidArgument", 'a closing ")" is missing'],
    [
      "stairs(steps=2.5)",
      "activation",
      "InvalidArgument",
      "steps must be a whole number in [1, 10], got 2.5",
    ],
    ["stairs(steps=11)", "activation", "InvalidArgument", "steps must be a whole number in [1, 10], got 11"],
    ["stairs(steps=7)", "activation", "InvalidArgument", "stairs: 7 steps are unlucky; pick another"],
    [
      "relu(alpha=1)",
      "activation",
      "InvalidArgument",
      "relu(alpha=1): the activation relu takes no parameters; write relu",
    ],
    [
      "huber(delta=0)",
      "cost",
      "InvalidArgument",
      "huber(delta=0): delta must be a number > 0, got 0 (default 1)",
    ],
    [
      "focal(alpha=2)",
      "cost",
      "InvalidArgument",
      "focal(alpha=2): alpha must be a number in [0, 1], got 2 (default 0.25)",
    ],
    [
      "focl(gamma=1)",
      "cost",
      "UnknownPlugin",
      'unknown cost "focl(gamma=1)"; did you mean "focal(gamma=2, alpha=0.25)"? Known costs: focal(gamma=2, alpha=0.25), huber(delta=1)',
    ],
    [
      "leaky_rleu",
      "activation",
      "UnknownPlugin",
      'unknown activation "leaky_rleu"; did you mean "leaky_relu(alpha=0.01)"? Known activations: leaky_relu(alpha=0.01), relu, stairs(steps=3)',
    ],
    ["Leaky ReLU", "activation", "UnknownPlugin", 'unknown activation "Leaky ReLU"'],
  ];
  it.each(refused)("%j (%s) → %s", (name, kind, expectedTag, text) => {
    const result = kind === "activation" ? getActivation(registry, name) : getCost(registry, name);
    expect(tag(result)).toBe(expectedTag);
    expect(message(result)).toContain(text);
  });

  it("registeredNames lists factories with their defaults, ready to paste", () => {
    expect(registeredNames(registry, "activation")).toEqual([
      "leaky_relu(alpha=0.01)",
      "relu",
      "stairs(steps=3)",
    ]);
    expect(registeredNames(registry, "cost")).toEqual(["focal(gamma=2, alpha=0.25)", "huber(delta=1)"]);
    expect(E.isRight(getOptimizer(registry, "gd"))).toBe(true);
  });
});

const getPlugin = (
  name: string,
): E.Either<{ message: string }, { readonly meta: { readonly name: string } }> =>
  name.startsWith("focal") ? getCost(registry, name) : getActivation(registry, name);

describe("makeRegistry with factories", () => {
  // input → error tag and message
  const refused: ReadonlyArray<readonly [string, Parameters<typeof makeRegistry>[0], string, string]> = [
    [
      "a factory and a plain plugin with the same base name",
      { activations: [plain("leaky_relu(alpha=0.01)", "@a/leaky"), leakyRelu] },
      "DuplicateName",
      'makeRegistry: the activation plugin factory "leaky_relu" (from @stepwise/activation-leaky-relu) and the activation plugin "leaky_relu(alpha=0.01)" (from @a/leaky) both answer to "leaky_relu"; register one of them',
    ],
    [
      "a plain plugin after a factory with its base name",
      { activations: [leakyRelu, plain("leaky_relu")] },
      "DuplicateName",
      'both answer to "leaky_relu"',
    ],
    [
      "two factories with one name",
      { costs: [focal, { ...focal, package: "@b/focal" }] },
      "DuplicateName",
      'makeRegistry: two cost plugin factories are named "focal"; register each name once',
    ],
    [
      "a plain name that is not canonical",
      { activations: [plain("elu(alpha=1.0)")] },
      "InvalidArgument",
      'makeRegistry: the activation plugin "elu(alpha=1.0)" is not written canonically; name it "elu(alpha=1)"',
    ],
    [
      "a malformed plain name",
      { activations: [plain("Fancy ReLU")] },
      "InvalidArgument",
      '"Fancy ReLU" is not a snake_case name',
    ],
    [
      "a default outside its own range",
      { costs: [{ ...huber, parameters: { delta: { default: 0, greaterThan: 0 } } }] },
      "InvalidArgument",
      "plugin factory huber: the default delta=0 is outside its own range (a number > 0)",
    ],
    [
      "a factory whose create fails with its defaults",
      { activations: [{ ...layers, parameters: { steps: { default: 7, min: 1 } } }] },
      "InvalidArgument",
      'makeRegistry: the activation plugin factory "stairs" fails with its default parameters: stairs: 7 steps are unlucky; pick another',
    ],
    [
      "a factory listed under the wrong kind",
      { activations: [huber as unknown as PluginFactory<"activation">] },
      "InvalidArgument",
      'makeRegistry: the cost plugin factory "huber" was listed among the activations; list it by its kind',
    ],
    [
      "a factory returning another kind",
      { costs: [{ ...huber, create: () => plain("huber") as unknown as Cost }] },
      "InvalidArgument",
      'the factory "huber" (cost) did not return a cost plugin',
    ],
  ];
  it.each(refused)("refuses %s", (_, input, expectedTag, text) => {
    const result = makeRegistry(input);
    expect(tag(result)).toBe(expectedTag);
    expect(message(result)).toContain(text);
  });

  it("a mixed plugins list is filed by kind", () => {
    const r = orThrow(makeRegistry({ plugins: [plain("relu"), focal, gd, leakyRelu] }));
    expect([...r.activations.keys()]).toEqual(["relu"]);
    expect([...r.factories.activation.keys()]).toEqual(["leaky_relu"]);
    expect([...r.factories.cost.keys()]).toEqual(["focal"]);
    expect([...r.optimizers.keys()]).toEqual(["gd"]);
  });

  it("plain parameterized plugins with different parameters may coexist, and are found by full name only", () => {
    const r = orThrow(makeRegistry({ activations: [plain("elu(alpha=1)"), plain("elu(alpha=2)")] }));
    expect(E.map((a: Activation) => a.meta.name)(getActivation(r, "elu(alpha=2.0)"))).toEqual(
      E.right("elu(alpha=2)"),
    );
    expect(message(getActivation(r, "elu"))).toBe(
      'unknown activation "elu"; did you mean "elu(alpha=1)"? Known activations: elu(alpha=1), elu(alpha=2)',
    );
  });
});

describe("parameter ranges", () => {
  const ranges: ReadonlyArray<readonly [ParameterSpec, string]> = [
    [{ default: 0 }, "any finite number"],
    [{ default: 0, integer: true }, "any whole number"],
    [{ default: 0, min: 0 }, "a number ≥ 0"],
    [{ default: 1, greaterThan: 0 }, "a number > 0"],
    [{ default: 0, max: 1 }, "a number ≤ 1"],
    [{ default: 0, lessThan: 1 }, "a number < 1"],
    [{ default: 0.5, min: 0, max: 1 }, "a number in [0, 1]"],
    [{ default: 0.5, greaterThan: 0, max: 1 }, "a number in (0, 1]"],
    [{ default: 0.5, min: 0, lessThan: 1 }, "a number in [0, 1)"],
    [{ default: 2, min: 1, max: 10, integer: true }, "a whole number in [1, 10]"],
  ];
  it.each(ranges)("%j reads %j", (spec, text) => {
    expect(describeRange(spec)).toBe(text);
  });
});

describe("asPlugin: what a plugin module exports, checked", () => {
  const accepted: ReadonlyArray<readonly [string, unknown]> = [
    ["an activation", plain("relu")],
    ["a cost", focal.create({ gamma: 2, alpha: 0.25 })],
    ["an optimizer definition", gd],
    ["a factory", leakyRelu],
  ];
  it.each(accepted)("accepts %s", (_, value) => {
    expect(E.isRight(asPlugin(value, "plugins[0] of ./p.js"))).toBe(true);
  });

  const refused: ReadonlyArray<readonly [string, unknown, string]> = [
    ["null", null, "it is null"],
    ["a string", "relu", "it is string"],
    ["an object without meta", { name: "relu" }, "it has no meta"],
    ["a nameless meta", { meta: { kind: "activation" } }, "meta.name is not a string"],
    [
      "an activation without backward",
      { meta: { kind: "activation", name: "x" }, forward: () => 0 },
      "forward or backward is missing",
    ],
    [
      "a cost without cost_backward",
      { meta: { kind: "cost", name: "x" }, compute_cost: () => 0 },
      "compute_cost or cost_backward is missing",
    ],
    ["an unknown kind", { meta: { kind: "layer", name: "x" } }, 'meta.kind is "layer"'],
    [
      "a factory of an unknown kind",
      { kind: "layer", name: "x", parameters: {}, create: () => 0 },
      'its kind is "layer"',
    ],
    [
      "a factory parameter without a default",
      { kind: "cost", name: "x", parameters: { delta: { min: 0 } }, create: () => 0 },
      "parameter delta has no numeric default",
    ],
  ];
  it.each(refused)("refuses %s", (_, value, problem) => {
    const result = asPlugin(value, "plugins[1] of ./p.js");
    expect(message(result)).toContain(`plugins[1] of ./p.js is not a Stepwise plugin: ${problem}`);
  });

  it("puts a foreign plugin's results, built without Stepwise, on its inputs' backend", () => {
    // A plain module's matrices: { rows, cols, data } with no backend.
    const bare = (M: { rows: number; cols: number; data: Float64Array }) => ({
      rows: M.rows,
      cols: M.cols,
      data: M.data.map((x) => 2 * x),
    });
    const foreign = {
      meta: { kind: "activation", name: "double" },
      forward: (Z: { rows: number; cols: number; data: Float64Array }) => [bare(Z), {}],
      backward: bare,
    };
    const elsewhere = { ...jsBackend, name: "elsewhere" };
    const Z = toBackend(matrix([[1, 2]]), elsewhere);
    const adopted = asPlugin(foreign, "plugins[0] of ./double.js");
    if (E.isLeft(adopted) || !("forward" in adopted.right)) throw new Error("not adopted");
    const activation = adopted.right as Activation;
    const [A, cache] = activation.forward(Z);
    expect(A.backend).toBe(elsewhere);
    expect(Array.from(A.data)).toEqual([2, 4]);
    expect(activation.backward(Z, cache).backend).toBe(elsewhere);
    const factory = asPlugin(
      { kind: "activation", name: "double", parameters: {}, create: () => foreign },
      "plugins[1] of ./double.js",
    );
    if (E.isLeft(factory) || !("create" in factory.right)) throw new Error("not a factory");
    const made = (factory.right as PluginFactory<"activation">).create({});
    expect(made.forward(Z)[0].backend).toBe(elsewhere);
  });
});

describe("definePluginFactory", () => {
  const scaled = definePluginFactory({
    kind: "activation",
    name: "scaled",
    parameters: { k: { default: 2, greaterThan: 0 }, shift: { default: 0 } },
    // create sees every declared parameter as a number
    create: ({ k, shift }) =>
      defineActivation({ name: "scaled", fn: (z) => k * z + shift, derivative: () => k }),
  });
  it("freezes the factory and its parameter specs", () => {
    expect(Object.isFrozen(scaled) && Object.isFrozen(scaled.parameters)).toBe(true);
  });
  it("gets every parameter, defaults filled in, in declaration order in the name", () => {
    const r = orThrow(makeRegistry({ activations: [scaled] }));
    const a = orThrow(getPluginOf(r, "activation", "scaled(shift=1)"));
    expect(a.meta.name).toBe("scaled(k=2, shift=1)");
    expect(Array.from(a.forward(matrix([[3]]))[0].data)).toEqual([7]);
  });
});
