import { useState } from "preact/hooks";
import { courseLLayer, courseTwoLayer, type RunConfig } from "../engine/config.js";
import { programOf } from "../engine/program.js";
import type { Finished, FromWorker } from "../engine/protocol.js";
import { BackendBadge } from "./backend-badge.js";
import { CostChart } from "./cost-chart.js";
import { download } from "./downloads.js";
import { pyFloat } from "./format.js";
import { RgbImage } from "./rgb-image.js";
import { siteBase } from "./trainer.js";
import { useTrainer } from "./use-trainer.js";

interface Classified {
  readonly probability: number;
  readonly label: string;
  readonly rgb: Uint8Array;
  readonly name: string;
}

const MODELS = [
  { id: "L", title: "L-layer model [12288, 20, 7, 5, 1]", config: courseLLayer },
  { id: "two", title: "two-layer model [12288, 7, 1]", config: courseTwoLayer },
] as const;

/** metrics.json as the CLI writes it (packages/cli/src/train-command.ts `finish`). */
export const metricsOf = (done: Finished, config: RunConfig) => ({
  status: "finished",
  plan: done.plan,
  costs: done.costs,
  final_cost: done.costs[done.costs.length - 1] ?? null,
  train_accuracy: done.train_accuracy,
  test_accuracy: done.test_accuracy,
  test_predictions: done.test_predictions,
  seconds: done.seconds,
  config: { ...config, backend: done.backend.name, threads: done.backend.threads },
});

export const CatView = () => {
  const [config, setConfig] = useState<RunConfig>(courseLLayer);
  const [status, setStatus] = useState("");
  const [costs, setCosts] = useState<ReadonlyArray<number>>([]);
  const [done, setDone] = useState<Finished | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [classified, setClassified] = useState<Classified | null>(null);
  const [pictureName, setPictureName] = useState("");
  const trainer = useTrainer((message: FromWorker) => {
    if (message.type === "status") setStatus(message.text);
    else if (message.type === "progress") setCosts((old) => [...old, ...message.costs]);
    else if (message.type === "done") {
      setDone(message);
      setCosts(message.costs);
      setStatus(`Finished in ${message.seconds.toFixed(1)} s (${message.plan} plan).`);
    } else if (message.type === "failed") {
      setError(message.message);
      setStatus("");
    } else if (message.type === "classified") setClassified({ ...message, name: pictureName });
    else if (message.type === "classify-failed") setError(message.message);
  });
  const running = status !== "" && done === null && error === null;

  const train = (next: RunConfig): void => {
    setConfig(next);
    setCosts([]);
    setDone(null);
    setError(null);
    setClassified(null);
    setStatus("Starting…");
    trainer.send((runId) => ({ type: "train", runId, config: next, base: siteBase() }));
  };
  const classify = async (file: File): Promise<void> => {
    setError(null);
    setPictureName(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    trainer.send((runId) => ({ type: "classify", runId, bytes, name: file.name }), true);
  };
  const every100 = costs.flatMap((c, i) => (i % 100 === 0 ? [[i, c] as const] : []));

  return (
    <section class="view" data-testid="cat-view">
      <h2>The cat classifier</h2>
      <p>
        The course's Week 4 application: 209 training pictures of 64 × 64 pixels, cat or non-cat, from the
        course's two HDF5 files. Learning rate 0.0075, 2500 iterations, <code>np.random.seed(1)</code>.
      </p>
      <BackendBadge backend={trainer.backend} />
      <div class="buttons">
        {MODELS.map((m) => (
          <button
            type="button"
            key={m.id}
            data-testid={`train-${m.id}`}
            disabled={running || trainer.backend === null}
            onClick={() => train(m.config)}
          >
            Train the {m.title}
          </button>
        ))}
        <button
          type="button"
          data-testid="stop"
          disabled={!running}
          onClick={() => {
            trainer.stop();
            setStatus("");
            setError("Stopped.");
          }}
        >
          Stop
        </button>
      </div>
      <progress data-testid="progress" max={config.iterations} value={costs.length} />
      <span data-testid="status"> {status}</span>
      {error === null ? null : (
        <p class="error" data-testid="error">
          {error}
        </p>
      )}
      <div class="row">
        <CostChart series={[{ label: "training cost", color: "#c0392b", values: costs }]} />
        <pre class="log" data-testid="cost-log">
          {every100.map(([i, c]) => `Cost after iteration ${i}: ${pyFloat(c)}`).join("\n")}
          {done === null
            ? ""
            : `\nTrain accuracy: ${pyFloat(done.train_accuracy)}\nTest accuracy: ${pyFloat(done.test_accuracy ?? Number.NaN)}`}
        </pre>
      </div>
      {done === null ? null : (
        <div>
          <p>
            Train accuracy <b data-testid="train-accuracy">{pyFloat(done.train_accuracy)}</b>, test accuracy{" "}
            <b data-testid="test-accuracy">{pyFloat(done.test_accuracy ?? Number.NaN)}</b>.{" "}
            <button
              type="button"
              data-testid="download-metrics"
              onClick={() => download("metrics.json", `${JSON.stringify(metricsOf(done, config))}\n`)}
            >
              metrics.json
            </button>{" "}
            <button
              type="button"
              data-testid="download-model"
              title="the architecture; stepwise predict reads it with model.safetensors beside it"
              onClick={() => download("model.json", done.model.json)}
            >
              model.json
            </button>{" "}
            <button
              type="button"
              data-testid="download-weights"
              title="the weights, float64, with the architecture in its metadata: a complete model on its own"
              onClick={() => download("model.safetensors", done.model.safetensors)}
            >
              model.safetensors
            </button>{" "}
            <button
              type="button"
              data-testid="download-program"
              onClick={() => {
                const program = programOf(config, undefined, window.location.href);
                if (program._tag === "Right") download("stepwise-run.ts", program.right, "text/typescript");
                else setError(program.left.message);
              }}
            >
              program.ts
            </button>
          </p>
          <h3>Mislabeled test images ({done.mislabeled.length})</h3>
          <div class="gallery" data-testid="mislabeled">
            {done.mislabeled.map((m) => (
              <figure key={m.index}>
                <RgbImage rgb={m.rgb} width={m.width} height={m.height} />
                <figcaption>
                  #{m.index}: predicted {m.predictedLabel} (P(cat) = {m.probability.toFixed(3)}), is{" "}
                  {m.trueLabel}
                </figcaption>
              </figure>
            ))}
          </div>
          <h3>Your own picture</h3>
          <label
            class="drop"
            data-testid="drop"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const file = e.dataTransfer?.files[0];
              if (file !== undefined) void classify(file);
            }}
          >
            Drop a JPEG or PNG here, or pick one:{" "}
            <input
              type="file"
              accept="image/png,image/jpeg"
              data-testid="picture"
              onChange={(e) => {
                const file = (e.currentTarget as HTMLInputElement).files?.[0];
                if (file !== undefined) void classify(file);
              }}
            />
          </label>
          {classified === null ? null : (
            <div class="classified" data-testid="classified">
              <RgbImage rgb={classified.rgb} width={64} height={64} scale={2} />
              <p>
                y = {classified.probability >= 0.5 ? 1 : 0}: your{" "}
                {config.layers.length > 3 ? "L-layer" : "two-layer"} model predicts a "
                <b data-testid="classified-label">{classified.label}</b>" picture (probability of cat{" "}
                <span data-testid="classified-probability">{pyFloat(classified.probability)}</span>).
              </p>
            </div>
          )}
        </div>
      )}
    </section>
  );
};
