import { splitPluginNames } from "@stepwise/core";

/*
 * `RunConfig.hidden` is one activation name for every hidden layer, or a comma list with one per hidden
 * layer (core's `splitPluginNames` syntax, `tanh,leaky_relu(alpha=0.2)`): the same text in the URL, the
 * exported program's settings and the CLI's `--hidden`.
 */

/** The activation name of each of `count` hidden layers: a list shorter than the layers repeats its last. */
export const hiddenNames = (hidden: string, count: number): ReadonlyArray<string> => {
  const names = splitPluginNames(hidden);
  const last = names[names.length - 1] ?? "relu";
  return Array.from({ length: count }, (_, i) => names[i] ?? last);
};

/** The config's text for these per-layer names: one name when they are all the same. */
export const joinHidden = (names: ReadonlyArray<string>): string => {
  const first = names[0];
  return first !== undefined && names.every((n) => n === first) ? first : names.join(",");
};

/** `hidden` with layer i's activation replaced (the others as they were). */
export const withHiddenAt = (hidden: string, count: number, i: number, name: string): string =>
  joinHidden(hiddenNames(hidden, count).map((n, j) => (j === i ? name : n)));

/** `hidden` for a network whose hidden layers became `count`: a new layer takes its predecessor's. */
export const resizeHidden = (hidden: string, count: number): string => joinHidden(hiddenNames(hidden, count));
