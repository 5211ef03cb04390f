import { InvalidArgumentError } from "commander";

/** Option parsers: each turns a flag's text into a value or says exactly what is wrong with it. */

export const positiveNumber = (text: string): number => {
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || x <= 0)
    throw new InvalidArgumentError(`expected a number > 0, got "${text}"`);
  return x;
};

export const nonNegativeNumber = (text: string): number => {
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || x < 0)
    throw new InvalidArgumentError(`expected a number ≥ 0, got "${text}"`);
  return x;
};

export const probability = (text: string): number => {
  const x = Number(text);
  if (text.trim() === "" || !(x > 0 && x <= 1))
    throw new InvalidArgumentError(`expected a probability in (0, 1], got "${text}"`);
  return x;
};

export const unitInterval = (text: string): number => {
  const x = Number(text);
  if (text.trim() === "" || !(x >= 0 && x <= 1))
    throw new InvalidArgumentError(`expected a number in [0, 1], got "${text}"`);
  return x;
};

const integerAtLeast =
  (low: number) =>
  (text: string): number => {
    const x = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(x) || x < low)
      throw new InvalidArgumentError(`expected an integer ≥ ${low}, got "${text}"`);
    return x;
  };

export const positiveInteger = integerAtLeast(1);
export const nonNegativeInteger = integerAtLeast(0);

export const seedValue = (text: string): number => {
  const x = nonNegativeInteger(text);
  if (x > 0xffffffff) throw new InvalidArgumentError(`expected a seed in 0..4294967295, got "${text}"`);
  return x;
};

/** `12288,20,7,5,1` → [12288, 20, 7, 5, 1]. */
export const layerList = (text: string): ReadonlyArray<number> => {
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1))
    throw new InvalidArgumentError(
      `expected comma-separated layer sizes ≥ 1 with at least an input and an output, e.g. 12288,20,7,5,1; got "${text}"`,
    );
  return parts.map(Number);
};

/** A value from a fixed list, with the list in the message. */
export const oneOf =
  <const T extends string>(choices: ReadonlyArray<T>) =>
  (text: string): T => {
    if (!(choices as ReadonlyArray<string>).includes(text))
      throw new InvalidArgumentError(`expected one of ${choices.join(", ")}; got "${text}"`);
    return text as T;
  };

/** The course's two learning-rate decays, by their flag names (`--decay`). */
export const DECAYS = ["update-lr", "schedule-lr-decay"] as const;
export type DecayName = (typeof DECAYS)[number];
