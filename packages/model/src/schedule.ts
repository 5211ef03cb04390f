import type { Schedule } from "@stepwise/core";

/**
 * A learning-rate decay as the Optimization notebook passes it to `model(…, decay=…, decay_rate=…)`: the
 * course's `update_lr(learning_rate0, epoch_num, decay_rate)` and `schedule_lr_decay(…)` from
 * @stepwise/optimizer are two, and any function of the same shape is a third.
 */
export type Decay = (learning_rate0: number, epoch_num: number, decay_rate: number) => number;

/** What a run needs to know to decay: the initial rate, the decay (if any) and its rate. */
export interface DecaySettings {
  readonly learning_rate: number;
  readonly decay: Decay | undefined;
  readonly decay_rate: number;
}

/**
 * The rate epoch `epoch` (from 0) trains at. The notebook decays after each epoch's updates,
 * `learning_rate = decay(learning_rate0, i, decay_rate)`, so epoch 0 runs at `learning_rate0` and epoch
 * e ≥ 1 at `decay(learning_rate0, e − 1, decay_rate)`.
 */
export const rateOfEpoch = ({ learning_rate, decay, decay_rate }: DecaySettings, epoch: number): number =>
  decay === undefined || epoch === 0 ? learning_rate : decay(learning_rate, epoch - 1, decay_rate);

/**
 * The optimizer's learning rate: the number itself without a decay (as before), else a schedule from the
 * optimizer's step (1, 2, … one per mini-batch) to the rate of the epoch that step falls in.
 */
export const learningRateSchedule = (settings: DecaySettings, stepsPerEpoch: number): number | Schedule =>
  settings.decay === undefined
    ? settings.learning_rate
    : (step) => rateOfEpoch(settings, Math.floor((step - 1) / stepsPerEpoch));
