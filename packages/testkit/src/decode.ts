import { isRecord } from "@stepwise/core";
import { fromArray, type Matrix } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * Turns parsed JSON into a typed value or throws naming where it went wrong (`torch-gradients.json:
 * cases[2].parameters.W1`): fixtures are test inputs, so a malformed one should stop the test loudly.
 */
export type Decoder<A> = (u: unknown, path: string) => A;

const describeValue = (u: unknown): string =>
  u === null
    ? "null"
    : Array.isArray(u)
      ? `an array of ${u.length}`
      : `${typeof u} ${JSON.stringify(u)?.slice(0, 40)}`;

export const decodeError = (path: string, expected: string, got: unknown): Error =>
  Object.assign(new Error(`${path}: expected ${expected}, got ${describeValue(got)}`), {
    name: "FixtureError",
  });

export const number: Decoder<number> = (u, path) => {
  if (typeof u !== "number") throw decodeError(path, "a number", u);
  return u;
};

export const string: Decoder<string> = (u, path) => {
  if (typeof u !== "string") throw decodeError(path, "a string", u);
  return u;
};

export const boolean: Decoder<boolean> = (u, path) => {
  if (typeof u !== "boolean") throw decodeError(path, "a boolean", u);
  return u;
};

export const array =
  <A>(item: Decoder<A>): Decoder<ReadonlyArray<A>> =>
  (u, path) => {
    if (!Array.isArray(u)) throw decodeError(path, "an array", u);
    return u.map((x: unknown, i) => item(x, `${path}[${i}]`));
  };

/** An object whose every value decodes with `item`. */
export const record =
  <A>(item: Decoder<A>): Decoder<Readonly<Record<string, A>>> =>
  (u, path) => {
    if (!isRecord(u)) throw decodeError(path, "an object", u);
    return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, item(v, `${path}.${k}`)]));
  };

type Decoded<S> = { readonly [K in keyof S]: S[K] extends Decoder<infer A> ? A : never };

/** An object with these fields (others are ignored). */
export const object =
  <S extends Readonly<Record<string, Decoder<unknown>>>>(fields: S): Decoder<Decoded<S>> =>
  (u, path) => {
    if (!isRecord(u)) throw decodeError(path, "an object", u);
    const out: Record<string, unknown> = {};
    for (const [k, decode] of Object.entries(fields)) out[k] = decode(u[k], `${path}.${k}`);
    // Every key of S was decoded by its own decoder just above.
    return out as Decoded<S>;
  };

/** Nested rows as numpy prints them, row-major. */
export const matrix: Decoder<Matrix> = (u, path) => {
  const rows = array(array(number))(u, path);
  const m = fromArray(rows);
  if (E.isLeft(m)) throw decodeError(path, `a matrix (${m.left.message})`, u);
  return m.right;
};

/** Numbers nested to any depth, flattened in row-major order. */
export const flatNumbers: Decoder<ReadonlyArray<number>> = (u, path) =>
  Array.isArray(u) ? u.flatMap((x: unknown, i) => flatNumbers(x, `${path}[${i}]`)) : [number(u, path)];
