import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Matrix, toArray } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * Runs `main` when the file is the program itself (`node --import tsx src/apple.ts`) and not when it is
 * imported (by the dispatcher in main.ts, or by a test).
 */
export const runIfMain = (moduleUrl: string, main: () => void): void => {
  if (isMain(moduleUrl)) main();
};

/** True when the module at `moduleUrl` is the script node was started with. */
export const isMain = (moduleUrl: string): boolean => {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(resolve(entry)).href === moduleUrl;
};

/**
 * A number as Python prints it, for the magnitudes the notes print: JavaScript's shortest round-trip
 * digits (Python's too), with Python's exponent form below 1e-4 (`5.631083591551547e-05`, where JavaScript
 * writes `0.00005631083591551547`). Integers stay integers (`200`), as the notes' integer inputs give.
 */
export const py = (x: number): string => {
  if (x === 0 || !Number.isFinite(x) || Math.abs(x) >= 1e-4) return String(x);
  const [mantissa, exponent] = x.toExponential().split("e") as [string, string];
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
};

/** A matrix the way numpy prints a nested list: `[[0.8, 1.4]]`. */
export const show = (m: Matrix): string =>
  `[${toArray(m)
    .map((row) => `[${row.map(py).join(", ")}]`)
    .join(", ")}]`;

/** The value of a checked entry point (`L_model_forward`, `L_layer_model`, `predict`), or its error thrown. */
export const orThrow = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};
