import { invalidArgument, type StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";

/**
 * Plugin names are serializable: a snake_case base name, optionally followed by numeric parameters.
 *
 * ```text
 * name       := base [ "(" [ parameter { "," parameter } ] ")" ]
 * base       := [a-z][a-z0-9_]*
 * parameter  := key "=" number            (spaces allowed around "(", ",", "=" and ")")
 * key        := [a-z][a-z0-9_]*
 * number     := [+-]? ( digits [ "." digits? ] | "." digits ) [ (e|E) [+-]? digits ]   (finite)
 * ```
 *
 * The canonical form, which a plugin's `meta.name` and a model file hold, is `base` alone when there are
 * no parameters, else `base(k1=v1, k2=v2)`: keys in the order the plugin declares them (for a factory,
 * every parameter, defaults included, so a saved model does not depend on today's defaults), one space
 * after each comma, and each value as JavaScript's shortest round-trip decimal (`String(x)`: `0.01`,
 * `1`, `1e-7`, `1e+21`; `-0` is written `0`). `1.0`, `+1` and `1e0` all read as `1`.
 */
export interface PluginName {
  readonly base: string;
  /** The parameters in the order written. */
  readonly parameters: ReadonlyArray<readonly [key: string, value: number]>;
}

const BASE = /^[a-z][a-z0-9_]*$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const EXAMPLE = "plugin names look like relu or leaky_relu(alpha=0.2)";

const malformed = (text: string, problem: string): StepwiseError<"InvalidArgument"> =>
  invalidArgument(`plugin name "${text}": ${problem}; ${EXAMPLE}`);

/** True for a snake_case base name: `leaky_relu`, `gelu_tanh`. */
export const isBaseName = (text: string): boolean => BASE.test(text);

/** The canonical text of one parameter value: the shortest decimal that reads back to the same double. */
export const formatParameterValue = (x: number): string => (Object.is(x, -0) ? "0" : String(x));

/** Reads one parameter value; the message says what is wrong with it. */
export const parseParameterValue = (
  key: string,
  text: string,
): E.Either<StepwiseError<"InvalidArgument">, number> => {
  if (!NUMBER.test(text))
    return E.left(
      invalidArgument(`${key}=${text}: "${text}" is not a number; write a decimal such as 0.2, 1 or 1e-3`),
    );
  const x = Number(text);
  return Number.isFinite(x)
    ? E.right(x)
    : E.left(invalidArgument(`${key}=${text}: ${text} is too large for a float64; use a finite value`));
};

/** Parses `name` or `name(key=value, …)`; see {@link PluginName} for the grammar. */
export const parsePluginName = (text: string): E.Either<StepwiseError<"InvalidArgument">, PluginName> => {
  const trimmed = text.trim();
  const open = trimmed.indexOf("(");
  const base = (open < 0 ? trimmed : trimmed.slice(0, open)).trim();
  if (base === "") return E.left(malformed(text, "the name is empty"));
  if (!BASE.test(base))
    return E.left(
      malformed(
        text,
        `"${base}" is not a snake_case name (lowercase letters, digits and _, starting with a letter)`,
      ),
    );
  if (open < 0) return E.right({ base, parameters: [] });
  if (!trimmed.endsWith(")"))
    return E.left(
      malformed(
        text,
        trimmed.includes(")") ? "nothing may follow the closing parenthesis" : 'a closing ")" is missing',
      ),
    );
  const inside = trimmed.slice(open + 1, -1);
  if (/[()]/.test(inside)) return E.left(malformed(text, "parentheses do not nest"));
  if (inside.trim() === "") return E.right({ base, parameters: [] });
  const parameters: Array<readonly [string, number]> = [];
  for (const part of inside.split(",")) {
    const item = part.trim();
    if (item === "") return E.left(malformed(text, "a parameter is missing between two commas"));
    const eq = item.indexOf("=");
    if (eq < 0) return E.left(malformed(text, `"${item}" needs a value: write key=value, e.g. alpha=0.2`));
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (!BASE.test(key))
      return E.left(malformed(text, `"${key}" is not a parameter name (lowercase snake_case)`));
    if (parameters.some(([k]) => k === key))
      return E.left(malformed(text, `${key} is given twice; give each parameter once`));
    const x = parseParameterValue(key, value);
    if (E.isLeft(x)) return E.left(malformed(text, x.left.message));
    parameters.push([key, x.right]);
  }
  return E.right({ base, parameters });
};

/** `base` or `base(k1=v1, k2=v2)`, the parameters in the order given. */
export const formatPluginName = (
  base: string,
  parameters: Iterable<readonly [key: string, value: number]> = [],
): string => {
  const list = [...parameters].map(([k, v]) => `${k}=${formatParameterValue(v)}`);
  return list.length === 0 ? base : `${base}(${list.join(", ")})`;
};

/** Parses and writes back: `leaky_relu( alpha = 1.0 )` → `leaky_relu(alpha=1)`. */
export const canonicalPluginName = (text: string): E.Either<StepwiseError<"InvalidArgument">, string> =>
  E.map((p: PluginName) => formatPluginName(p.base, p.parameters))(parsePluginName(text));

/** The part before any parentheses: `leaky_relu(alpha=0.01)` → `leaky_relu`. */
export const baseNameOf = (text: string): string => {
  const open = text.indexOf("(");
  return (open < 0 ? text : text.slice(0, open)).trim();
};

/**
 * A comma-separated list of plugin names, commas inside parentheses kept with their name:
 * `leaky_relu(alpha=0.2, x=1),tanh` → [`leaky_relu(alpha=0.2, x=1)`, `tanh`]. How a per-layer list of
 * activations is written on the command line, in a URL and in a run's recorded settings.
 */
export const splitPluginNames = (text: string): ReadonlyArray<string> => {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      names.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  names.push(text.slice(start).trim());
  return names;
};
