import {
  type Backend,
  checkFinite,
  formatShape,
  type Matrix,
  type StepwiseError,
  sameBackend,
  shapeError,
  stepwiseError,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/*
 * Validate once, at the edge. Every entry point a user calls with data or configuration checks it and
 * says what is wrong (an `Either`); the training loop then runs on what was checked without checking
 * again. `Checked<A>` marks such a value in the types: code that takes one trusts it.
 */

declare const checkedBrand: unique symbol;

/**
 * A value a checked entry point has accepted. Only a check makes one, or code that keeps what a check
 * proved (an optimizer update keeps every key and shape of the parameters it updates).
 */
export type Checked<A> = A & { readonly [checkedBrand]: true };

/**
 * Marks `a` as checked. For the checks themselves, and for code that keeps what they proved; anything
 * else must run a check.
 */
export const trustChecked = <A>(a: A): Checked<A> => a as Checked<A>;

/** At least one example: `name` holds one column per example. */
export const checkExamples = (fn: string, name: string, m: Matrix): E.Either<StepwiseError, Matrix> =>
  m.cols >= 1
    ? E.right(m)
    : E.left(
        shapeError(
          `${fn}: ${name} is ${formatShape(m)}, which has no examples; ${name} needs one column per example, and at least one`,
        ),
      );

/** Finite numbers only, naming the first element that is not and what to do about it. */
export const checkFiniteData = (
  fn: string,
  name: string,
  m: Matrix,
  fix = `${name} must hold finite numbers: look at how it was loaded, scaled or computed`,
): E.Either<StepwiseError, Matrix> => checkFinite(fn, m, { name, fix });

/**
 * All of `named` on one backend (the device follows the data: an entry point refuses to mix, as every
 * op does), naming the first two that differ. Returns that backend.
 */
export const checkOneBackend = (
  fn: string,
  named: ReadonlyArray<readonly [name: string, m: Matrix]>,
): E.Either<StepwiseError, Backend | undefined> => {
  const [first, ...rest] = named;
  if (first === undefined) return E.right(undefined);
  const other = rest.find(([, m]) => !sameBackend(m.backend, first[1].backend));
  return other === undefined
    ? E.right(first[1].backend)
    : E.left(
        stepwiseError(
          "BackendMismatch",
          `${fn}: ${first[0]} is on the ${first[1].backend.name} backend but ${other[0]} is on the ${other[1].backend.name} backend; move them to one with toBackend(m, backend) (a training run moves its data itself)`,
        ),
      );
};
