import * as E from "fp-ts/lib/Either.js";

/**
 * Errors are values: a `_tag`ged record whose message names the function, the offending values and the fix.
 * Checked entry points return them in an `Either`; building blocks (ops, kernels) throw them (via `raise`)
 * only when an invariant is broken, which is a bug in the caller.
 *
 * Each package owns the tags it raises: these are tensor's; core has `UnknownPlugin` and `DuplicateName`,
 * data `DataError`, model `ModelFileError`, `Diverged` and `Aborted`. A `StepwiseError` without a tag
 * parameter is any of them.
 */
export type TensorErrorTag = "ShapeError" | "InvalidArgument" | "NonFinite" | "BackendMismatch";

export interface StepwiseError<Tag extends string = string> {
  readonly _tag: Tag;
  readonly message: string;
}

export const stepwiseError = <Tag extends string>(tag: Tag, message: string): StepwiseError<Tag> => ({
  _tag: tag,
  message,
});

export const shapeError = (message: string): StepwiseError<"ShapeError"> =>
  stepwiseError("ShapeError", message);

export const invalidArgument = (message: string): StepwiseError<"InvalidArgument"> =>
  stepwiseError("InvalidArgument", message);

/** An `Error` carrying a StepwiseError, for the places that must throw (kernels, `getOrThrow`). */
export interface StepwiseException extends Error {
  readonly error: StepwiseError;
}

export const toException = (error: StepwiseError): StepwiseException =>
  Object.assign(new Error(error.message), { name: error._tag, error });

export const raise = (error: StepwiseError): never => {
  throw toException(error);
};

/**
 * The value of a checked entry point's result, or its error thrown as a StepwiseException: for scripts
 * and notebooks that would rather stop at the first problem (`orThrow(compute_cost(AL, Y))`).
 */
export const orThrow = <A>(result: E.Either<StepwiseError, A>): A =>
  E.isLeft(result) ? raise(result.left) : result.right;

export const isStepwiseException = (u: unknown): u is StepwiseException =>
  u instanceof Error && typeof (u as Partial<StepwiseException>).error?._tag === "string";
