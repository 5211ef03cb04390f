/**
 * The training worker: every course function runs here, on the wasm backend's threads when the page is
 * cross-origin isolated, so the page stays responsive. One run at a time; the page stops a run by
 * terminating the worker and starting another.
 */
import type { Parameters } from "@stepwise/core";
import { type Dataset, decodeImage, imageToColumn, NUM_PX, resizeBicubic } from "@stepwise/data";
import type { NetworkSpec } from "@stepwise/forward-cache";
import { predict } from "@stepwise/model";
import { type Backend, dictionaryToBackend, jsBackend } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { type BackendInfo, backendFor, startBackend } from "../engine/backend.js";
import { fetchCatvnoncat } from "../engine/catvnoncat.js";
import type { RunConfig } from "../engine/config.js";
import { exportModel } from "../engine/export-model.js";
import { mislabeledImages } from "../engine/mislabeled.js";
import type { Boundary, FromWorker, ToWorker } from "../engine/protocol.js";
import { type TrainingData, trainRun } from "../engine/run.js";
import { boundaryOf, costOn, FOOTBALL_PATH, loadToyData } from "../engine/toy-run.js";

const fetchText = async (url: URL): Promise<string | undefined> => {
  const response = await fetch(url);
  return response.ok ? response.text() : undefined;
};

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  readonly crossOriginIsolated: boolean;
  readonly navigator: { readonly hardwareConcurrency: number };
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker): void => scope.postMessage(message);

const backend: Promise<readonly [Backend, BackendInfo]> = startBackend(
  scope.crossOriginIsolated,
  scope.navigator.hardwareConcurrency,
).then(([b, info]) => {
  post({ type: "ready", backend: info });
  return [b, info] as const;
});

/** The last trained model, for classifying the user's pictures. */
let trained:
  | { readonly parameters: Parameters; readonly spec: NetworkSpec; readonly classes: ReadonlyArray<string> }
  | undefined;
let cats: Dataset | undefined;

/** Posts progress at most every 100 ms (boundaries every 150 ms): a smooth bar and curve, a light page. */
const progressPoster = (
  runId: number,
  total: number,
  boundary: ((p: Parameters) => Boundary) | undefined,
) => {
  let from = 0;
  let costs: number[] = [];
  let testCosts: number[] = [];
  let lastPost = 0;
  let lastBoundary = 0;
  const flush = (parameters: (() => Parameters) | undefined): void => {
    const now = performance.now();
    const drawBoundary = boundary !== undefined && parameters !== undefined && now - lastBoundary >= 150;
    if (drawBoundary) lastBoundary = now;
    post({
      type: "progress",
      runId,
      from,
      costs,
      testCosts,
      total,
      boundary:
        drawBoundary && parameters !== undefined && boundary !== undefined ? boundary(parameters()) : null,
    });
    from += costs.length;
    costs = [];
    testCosts = [];
    lastPost = now;
  };
  return {
    add: (cost: number, testCost: number | undefined, parameters: () => Parameters): void => {
      costs.push(cost);
      if (testCost !== undefined) testCosts.push(testCost);
      if (performance.now() - lastPost >= 100) flush(parameters);
    },
    flush: () => flush(undefined),
  };
};

const dataFor = async (
  runId: number,
  config: RunConfig,
  base: string,
  csv: string | undefined,
): Promise<E.Either<string, TrainingData & { readonly cats?: Dataset }>> => {
  if (config.data.kind === "catvnoncat") {
    if (cats === undefined) {
      post({ type: "status", runId, text: "Loading the course's HDF5 files…" });
      const loaded = await fetchCatvnoncat(base);
      if (E.isLeft(loaded)) return E.left(loaded.left.message);
      cats = loaded.right;
    }
    return E.right({ ...cats, cats });
  }
  const text =
    config.data.kind === "toy" && config.data.name === "football"
      ? await fetchText(new URL(FOOTBALL_PATH, base))
      : csv;
  return E.mapLeft((e: { readonly message: string }) => e.message)(loadToyData(config.data, text));
};

const train = async (
  runId: number,
  config: RunConfig,
  base: string,
  csv: string | undefined,
): Promise<void> => {
  const [startedBackend, startedInfo] = await backend;
  const data = await dataFor(runId, config, base, csv);
  if (E.isLeft(data)) return post({ type: "failed", runId, message: data.left, costs: [] });
  const toy = config.data.kind !== "catvnoncat";
  const runBackend = backendFor(startedBackend, toy);
  const info: BackendInfo =
    runBackend.name === startedInfo.name ? startedInfo : { ...startedInfo, name: "js", threads: 1 };
  post({ type: "status", runId, text: "Training…" });
  const boundary = toy ? boundaryOf(config, data.right) : undefined;
  const testCost = toy ? costOn(config, data.right) : undefined;
  const progress = progressPoster(runId, config.iterations, boundary);
  const testCosts: number[] = [];
  const started = performance.now();
  const run = trainRun(
    config,
    data.right,
    (_i, cost, parameters) => {
      const t = testCost?.(parameters());
      if (t !== undefined) testCosts.push(t);
      progress.add(cost, t, parameters);
    },
    runBackend,
  );
  const seconds = (performance.now() - started) / 1000;
  progress.flush();
  if (E.isLeft(run)) return post({ type: "failed", runId, message: run.left.message, costs: run.left.costs });
  const { result, train: onTrain, test: onTest } = run.right;
  const exported = await exportModel(config, result.parameters, data.right.cats?.classes);
  if (E.isLeft(exported))
    return post({ type: "failed", runId, message: exported.left.message, costs: result.costs });
  const cat = data.right.cats;
  // One picture at a time is little work: classify on the js reference, where the decoded image is.
  trained = {
    parameters: dictionaryToBackend(result.parameters, jsBackend),
    spec: exported.right.spec,
    classes: cat?.classes ?? ["0", "1"],
  };
  post({
    type: "done",
    runId,
    costs: result.costs,
    testCosts,
    train_accuracy: onTrain.accuracy ?? Number.NaN,
    test_accuracy: onTest?.accuracy ?? null,
    test_predictions: onTest === undefined ? [] : Array.from(onTest.predictions.data),
    plan: result.plan,
    seconds,
    backend: info,
    mislabeled:
      cat === undefined || onTest === undefined
        ? []
        : mislabeledImages(cat.testImages, cat.test_y, onTest, cat.classes),
    boundary: boundary === undefined ? null : boundary(result.parameters),
    model: {
      json: new Blob([exported.right.json], { type: "application/json" }),
      safetensors: new Blob([Uint8Array.from(exported.right.safetensors)], {
        type: "application/octet-stream",
      }),
    },
  });
};

/** The notebook's last cell: the picture resized to 64×64 (PIL's bicubic), /255, one column, predict. */
const classify = (runId: number, bytes: Uint8Array, name: string): FromWorker => {
  if (trained === undefined)
    return { type: "classify-failed", runId, message: "Train the model first, then drop a picture." };
  const decoded = decodeImage(bytes, name);
  if (E.isLeft(decoded)) return { type: "classify-failed", runId, message: decoded.left.message };
  const small = resizeBicubic(decoded.right, NUM_PX, NUM_PX);
  const prediction = predict(imageToColumn(small), undefined, trained.parameters, trained.spec);
  if (E.isLeft(prediction)) return { type: "classify-failed", runId, message: prediction.left.message };
  return {
    type: "classified",
    runId,
    probability: prediction.right.probabilities.data[0] ?? Number.NaN,
    label: trained.classes[prediction.right.predictions.data[0] ?? 0] ?? "?",
    rgb: small.data,
  };
};

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "train") void train(message.runId, message.config, message.base, message.csv);
  else void backend.then(() => post(classify(message.runId, message.bytes, message.name)));
};
