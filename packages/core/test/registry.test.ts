import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  type Activation,
  closestName,
  defineActivation,
  defineCost,
  getActivation,
  getCost,
  getOptimizer,
  makeRegistry,
  type OptimizerDefinition,
} from "../src/index.js";
import { matrix } from "./helpers.js";

const activation = (name: string, pkg?: string): Activation =>
  defineActivation({
    name,
    ...(pkg === undefined ? {} : { package: pkg }),
    fn: (z) => z,
    derivative: () => 1,
  });
const mse = defineCost({ name: "mse", loss: (a, y) => (a - y) ** 2 / 2, derivative: (a, y) => a - y });
const gd: OptimizerDefinition = {
  meta: { kind: "optimizer", name: "gd" },
  linearInGradient: true,
  create: () => {
    throw new Error("not used");
  },
};

const registry = E.getOrElseW((e: { message: string }) => {
  throw new Error(e.message);
})(
  makeRegistry({
    activations: [activation("relu"), activation("leaky_relu(alpha=0.01)"), activation("tanh")],
    costs: [mse],
    optimizers: [gd],
  }),
);

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "no error";

describe("makeRegistry", () => {
  it("refuses two plugins of a kind with one name, naming both packages", () => {
    const result = makeRegistry({
      activations: [activation("relu", "@a/relu"), activation("relu", "@b/relu")],
    });
    expect(E.isLeft(result) && result.left._tag).toBe("DuplicateName");
    expect(message(result)).toBe(
      'makeRegistry: two activation plugins are named "relu" (from @a/relu and @b/relu); register each name once',
    );
  });
  it("allows the same name in different kinds", () => {
    expect(E.isRight(makeRegistry({ activations: [activation("mse")], costs: [mse] }))).toBe(true);
  });
});

describe("lookup", () => {
  it("finds plugins by name, in their kind only", () => {
    expect(E.map((a: Activation) => a.meta.name)(getActivation(registry, "tanh"))).toEqual(E.right("tanh"));
    expect(E.isRight(getCost(registry, "mse"))).toBe(true);
    expect(E.isRight(getOptimizer(registry, "gd"))).toBe(true);
    expect(E.isLeft(getActivation(registry, "mse"))).toBe(true);
  });
  it("finds a parameterized plugin by its base name when only one is registered", () => {
    expect(E.map((a: Activation) => a.meta.name)(getActivation(registry, "leaky_relu"))).toEqual(
      E.right("leaky_relu(alpha=0.01)"),
    );
  });
  it("an unknown name lists the known ones and the closest", () => {
    const result = getActivation(registry, "rleu");
    expect(E.isLeft(result) && result.left._tag).toBe("UnknownPlugin");
    expect(message(result)).toBe(
      'unknown activation "rleu"; did you mean "relu"? Known activations: leaky_relu(alpha=0.01), relu, tanh',
    );
    expect(message(getCost(registry, "zzzzzz"))).toBe('unknown cost "zzzzzz" Known costs: mse');
  });
  it("closestName ignores case and gives up when nothing is close", () => {
    expect(closestName("TANH", ["tanh", "relu"])).toBe("tanh");
    expect(closestName("softmax", ["tanh", "relu"])).toBeUndefined();
  });
  it("plugins found are the registered objects", () => {
    const tanh = E.getOrElseW(() => undefined)(getActivation(registry, "tanh"));
    expect(tanh?.forward(matrix([[1]]))[0].data[0]).toBe(1);
  });
});
