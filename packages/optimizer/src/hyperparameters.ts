import type { ParameterSpec } from "@stepwise/core";

/*
 * The hyper-parameters several optimizers share, with PyTorch's ranges (torch.optim checks the same
 * bounds): a decay β in [0, 1), an ε > 0 that keeps a division away from 0, and a 0/1 switch for
 * PyTorch's boolean options (a plugin name holds numbers only: `rmsprop(centered=1)`).
 */

/** A decay rate of an exponentially weighted average: at 1 the average never forgets its start. */
export const decay = (defaultValue: number, description: string): ParameterSpec => ({
  default: defaultValue,
  min: 0,
  lessThan: 1,
  description,
});

export const epsilon = (defaultValue: number): ParameterSpec => ({
  default: defaultValue,
  greaterThan: 0,
  description: "keeps the division away from 0",
});

/** PyTorch's `centered=True`, `amsgrad=True`: 1 on, 0 off (the default). */
export const flag = (description: string): ParameterSpec => ({
  default: 0,
  min: 0,
  max: 1,
  integer: true,
  description,
});

/** Adam's and its relatives' β1 and β2, at PyTorch's defaults. */
export const beta1 = decay(0.9, "the first moment's decay");
export const beta2 = decay(0.999, "the second moment's decay");
