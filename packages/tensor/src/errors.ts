import * as E from "fp-ts/lib/Either.js";

/**
 * Errors are values: a `_tag`ged record whose message names the function, the offending values and the fix.
 * Checked entry points return them in an `Either`; kernels on validated input throw them (via `raise`)
 * only when an invariant is broken, which is a bug in the caller.
 */
export type ErrorTag =
  | "ShapeError"
  | "InvalidArgument"
  | "NonFinite"
  | "BackendMismatch"
  | "UnknownPlugin"
  | "DuplicateName"
  | "DataError"
  | "ModelFileError"
  | "Diverged"
  | "Aborted";

export interface StepwiseError<Tag extends ErrorTag = ErrorTag> {
  readonly _tag: Tag;
  readonly message: string;
}

export const stepwiseError = <Tag extends ErrorTag>(tag: Tag, message: string): StepwiseError<Tag> => ({
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
