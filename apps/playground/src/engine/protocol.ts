import type { BackendInfo } from "./backend.js";
import type { RunConfig } from "./config.js";

/** Messages from the page to the training worker. */
export type ToWorker =
  | {
      readonly type: "train";
      readonly runId: number;
      readonly config: RunConfig;
      readonly base: string;
      readonly csv?: string;
    }
  | { readonly type: "classify"; readonly runId: number; readonly bytes: Uint8Array; readonly name: string };

/** A test image the trained model got wrong, as the CLI's report shows it. */
export interface Mislabeled {
  readonly index: number;
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly trueLabel: string;
  readonly predictedLabel: string;
  /** The model's output for that image: the probability of "cat". */
  readonly probability: number;
}

/** A decision-boundary picture: the network's output on a grid over the data's range. */
export interface Boundary {
  readonly size: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** size × size outputs, row 0 at y1 (the top). */
  readonly values: Float64Array;
}

export interface Finished {
  readonly type: "done";
  readonly runId: number;
  readonly costs: ReadonlyArray<number>;
  readonly testCosts: ReadonlyArray<number>;
  readonly train_accuracy: number;
  readonly test_accuracy: number | null;
  readonly test_predictions: ReadonlyArray<number>;
  readonly plan: string;
  readonly seconds: number;
  readonly backend: BackendInfo;
  readonly mislabeled: ReadonlyArray<Mislabeled>;
  readonly boundary: Boundary | null;
  /**
   * The trained model in the model package's format: `model.json` naming `model.safetensors`, as Blobs
   * (megabytes for the cat model, which a Blob hands over without copying them through the page).
   */
  readonly model: { readonly json: Blob; readonly safetensors: Blob };
}

/** Messages from the worker to the page. */
export type FromWorker =
  | { readonly type: "ready"; readonly backend: BackendInfo }
  | { readonly type: "status"; readonly runId: number; readonly text: string }
  | {
      readonly type: "progress";
      readonly runId: number;
      /** The iteration of `costs[0]`. */
      readonly from: number;
      readonly costs: ReadonlyArray<number>;
      readonly testCosts: ReadonlyArray<number>;
      readonly total: number;
      readonly boundary: Boundary | null;
    }
  | Finished
  | {
      readonly type: "failed";
      readonly runId: number;
      readonly message: string;
      readonly costs: ReadonlyArray<number>;
    }
  | {
      readonly type: "classified";
      readonly runId: number;
      readonly probability: number;
      readonly label: string;
      readonly rgb: Uint8Array;
    }
  | { readonly type: "classify-failed"; readonly runId: number; readonly message: string };
