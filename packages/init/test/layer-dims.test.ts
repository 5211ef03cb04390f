import { seedOrThrow } from "@stepwise/random";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  initialize_parameters,
  initialize_parameters_deep,
  initializerByName,
  validateLayerDims,
} from "../src/index.js";

const message = (result: E.Either<{ message: string }, unknown>): string =>
  E.isLeft(result) ? result.left.message : "expected an error";

describe("layer_dims validation", () => {
  it.each([
    [[], "it needs at least two sizes"],
    [[12288], "it needs at least two sizes"],
    [[12288, 0, 1], "layer_dims[1] is 0; every layer size must be an integer ≥ 1"],
    [[12288, 2.5, 1], "layer_dims[1] is 2.5"],
    [[12288, -3], "layer_dims[1] is -3"],
    [[Number.NaN, 1], "layer_dims[0] is null"],
  ])("%j → %s", (dims, expected) => {
    expect(message(validateLayerDims("initialize_parameters_deep", dims))).toContain(expected);
    expect(message(initialize_parameters_deep(dims, seedOrThrow(1)))).toContain(
      "initialize_parameters_deep:",
    );
  });
  it("initialize_parameters checks n_x, n_h, n_y the same way", () => {
    expect(message(initialize_parameters(12288, 0, 1, seedOrThrow(1)))).toContain(
      "initialize_parameters: layer_dims[1] is 0",
    );
  });
  it("initializers by name, with a suggestion for a typo", () => {
    expect(E.isRight(initializerByName("he"))).toBe(true);
    expect(message(initializerByName("hee"))).toContain('unknown initializer "hee"; did you mean "he"?');
  });
});
