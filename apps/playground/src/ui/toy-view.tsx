import { useEffect, useMemo, useState } from "preact/hooks";
import { defaultToy, notebookAdamMoons, type RunConfig, type ToyName } from "../engine/config.js";
import { hiddenNames, resizeHidden, withHiddenAt } from "../engine/hidden.js";
import { programOf } from "../engine/program.js";
import type { Boundary, Finished, FromWorker } from "../engine/protocol.js";
import { initializerNames, optimizerDefaults, pluginNames } from "../engine/registry.js";
import { FOOTBALL_PATH, loadToyData } from "../engine/toy-run.js";
import { fromQuery, toQuery } from "../engine/url-state.js";
import { BackendBadge } from "./backend-badge.js";
import { metricsOf } from "./cat-view.js";
import { CostChart } from "./cost-chart.js";
import { download } from "./downloads.js";
import { pyFloat } from "./format.js";
import { BoundaryCanvas } from "./toy/boundary-canvas.js";
import { NumberField, Panel, SelectField } from "./toy/fields.js";
import { siteBase } from "./trainer.js";
import { useTrainer } from "./use-trainer.js";

const TOYS: ReadonlyArray<ToyName> = ["moons", "circles", "football", "spiral", "xor", "blobs"];

const configFromUrl = (): RunConfig => {
  const config = fromQuery(new URLSearchParams(window.location.search), defaultToy);
  return config.data.kind === "catvnoncat" ? defaultToy : config;
};

/** Keeps the address bar equal to the config, so copying it shares the run. */
const writeUrl = (config: RunConfig): void => {
  const url = new URL(window.location.href);
  url.search = `?view=toy&${toQuery(config).toString()}`;
  window.history.replaceState(null, "", url);
};

export const ToyView = () => {
  const [config, setConfigState] = useState<RunConfig>(configFromUrl);
  const [csv, setCsv] = useState<string | undefined>(undefined);
  const [costs, setCosts] = useState<ReadonlyArray<number>>([]);
  const [testCosts, setTestCosts] = useState<ReadonlyArray<number>>([]);
  const [boundary, setBoundary] = useState<Boundary | null>(null);
  const [done, setDone] = useState<Finished | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  /**
   * Every edit is a function of the config as it stands when it applies (not as this render saw it), so
   * quick successive edits (a typed value, then a click) never undo each other; the URL follows each one.
   */
  const update = (edit: (old: RunConfig) => RunConfig): void =>
    setConfigState((old) => {
      const next = edit(old);
      writeUrl(next);
      return next;
    });
  const setConfig = (next: RunConfig): void => update(() => next);
  const [football, setFootball] = useState<string | undefined>(undefined);
  const wantsFootball = config.data.kind === "toy" && config.data.name === "football";
  useEffect(() => {
    if (!wantsFootball || football !== undefined) return;
    void fetch(new URL(FOOTBALL_PATH, siteBase())).then(async (r) =>
      setFootball(r.ok ? await r.text() : undefined),
    );
  }, [wantsFootball, football]);
  const text = config.data.kind === "csv" ? csv : football;
  const data = useMemo(() => loadToyData(config.data, text), [config.data, text]);
  // The input and output layers follow the data (a CSV may have any number of features or classes).
  useEffect(() => {
    if (data._tag === "Left") return;
    const [nIn, nOut] = [data.right.train_x.rows, data.right.train_y.rows];
    if (config.layers[0] !== nIn || config.layers[config.layers.length - 1] !== nOut)
      update((c) => ({ ...c, layers: [nIn, ...c.layers.slice(1, -1), nOut] }));
  }, [data]);
  const trainer = useTrainer((message: FromWorker) => {
    if (message.type === "progress") {
      setCosts((old) => [...old, ...message.costs]);
      setTestCosts((old) => [...old, ...message.testCosts]);
      if (message.boundary !== null) setBoundary(message.boundary);
    } else if (message.type === "done") {
      setDone(message);
      setCosts(message.costs);
      setTestCosts(message.testCosts);
      setBoundary(message.boundary);
      setRunning(false);
    } else if (message.type === "failed") {
      setError(message.message);
      setRunning(false);
    }
  });
  const train = (): void => {
    setCosts([]);
    setTestCosts([]);
    setBoundary(null);
    setDone(null);
    setError(null);
    setRunning(true);
    writeUrl(config);
    trainer.send((runId) => ({
      type: "train",
      runId,
      config,
      base: siteBase(),
      ...(config.data.kind === "csv" && csv !== undefined ? { csv } : {}),
    }));
  };
  const set = <K extends keyof RunConfig>(key: K, value: RunConfig[K]): void =>
    update((c) => ({ ...c, [key]: value }));
  /** Edits the generated data set's size, noise or seed. */
  const setToy = (edit: Partial<{ n: number; noise: number; seed: number }>): void =>
    update((c) => (c.data.kind === "toy" ? { ...c, data: { ...c.data, ...edit } } : c));
  /** Edits the hidden layers' sizes; the input and output sizes stay. */
  const editHidden = (edit: (units: ReadonlyArray<number>) => ReadonlyArray<number>): void =>
    update((c) => {
      const units = edit(c.layers.slice(1, -1));
      return {
        ...c,
        layers: [c.layers[0] ?? 2, ...units, c.layers.at(-1) ?? 1],
        // A new layer takes its predecessor's activation; a removed one takes its own along.
        hidden: resizeHidden(c.hidden, units.length),
      };
    });
  const hidden = config.layers.slice(1, -1);
  const activations = hiddenNames(config.hidden, hidden.length);
  const perLayer = new Set(activations).size > 1;
  const nX = config.layers[0] ?? 2;
  const nY = config.layers[config.layers.length - 1] ?? 1;
  const toy = config.data.kind === "toy" ? config.data : null;
  const points = data._tag === "Right" ? data.right : null;

  return (
    <section class="view" data-testid="toy-view">
      <h2>The 2-D playground</h2>
      <BackendBadge backend={trainer.backend} />
      <div class="toy">
        <div class="controls">
          <Panel title="Data">
            <SelectField
              label="data set"
              testId="toy-data"
              value={config.data.kind === "toy" ? config.data.name : "csv"}
              options={[...TOYS, ["csv", "your CSV…"]]}
              onChange={(v) =>
                update((c) => ({
                  ...c,
                  data:
                    v === "csv"
                      ? { kind: "csv", name: "data.csv", label: "label" }
                      : c.data.kind === "toy"
                        ? { ...c.data, name: v as ToyName }
                        : { kind: "toy", name: v as ToyName, n: 300, noise: 0.2, seed: 1 },
                }))
              }
            />
            {toy === null ? (
              <div>
                <label class="field">
                  <span>CSV file</span>
                  <input
                    type="file"
                    accept=".csv,text/csv"
                    data-testid="csv-file"
                    onChange={async (e) => {
                      const file = (e.currentTarget as HTMLInputElement).files?.[0];
                      if (file === undefined) return;
                      setCsv(await file.text());
                      update((c) => ({
                        ...c,
                        data: {
                          kind: "csv",
                          name: file.name,
                          label: c.data.kind === "csv" ? c.data.label : "label",
                        },
                      }));
                    }}
                  />
                </label>
                <label class="field">
                  <span>label column</span>
                  <input
                    type="text"
                    value={config.data.kind === "csv" ? config.data.label : "label"}
                    data-testid="csv-label"
                    onChange={(e) => {
                      const label = (e.currentTarget as HTMLInputElement).value;
                      update((c) => ({
                        ...c,
                        data: { kind: "csv", name: c.data.kind === "csv" ? c.data.name : "data.csv", label },
                      }));
                    }}
                  />
                </label>
              </div>
            ) : toy.name === "football" ? (
              <p class="source">
                The Regularization notebook's football.csv: 211 kicks to train on, the last 200 to test.
              </p>
            ) : (
              <div>
                <NumberField
                  label="points"
                  value={toy.n}
                  step="1"
                  min={2}
                  testId="toy-n"
                  onChange={(n) => setToy({ n })}
                />
                <NumberField
                  label="noise"
                  value={toy.noise}
                  step="0.05"
                  min={0}
                  testId="toy-noise"
                  onChange={(noise) => setToy({ noise })}
                />
                <NumberField
                  label="data seed"
                  value={toy.seed}
                  step="1"
                  min={0}
                  testId="toy-seed"
                  onChange={(seed) => setToy({ seed })}
                />
              </div>
            )}
          </Panel>
          <Panel title="Network">
            <div class="layers" data-testid="layers">
              <span class="layer fixed">{nX} in</span>
              {hidden.map((units, i) => (
                <span class="layer" key={i}>
                  <button
                    type="button"
                    data-testid={`units-minus-${i}`}
                    onClick={() =>
                      editHidden((units) => units.map((u, j) => (j === i ? Math.max(1, u - 1) : u)))
                    }
                  >
                    −
                  </button>
                  <b data-testid={`units-${i}`}>{units}</b>
                  <button
                    type="button"
                    data-testid={`units-plus-${i}`}
                    onClick={() => editHidden((units) => units.map((u, j) => (j === i ? u + 1 : u)))}
                  >
                    +
                  </button>
                  <select
                    class="layer-activation"
                    aria-label={`layer ${i + 1} activation`}
                    data-testid={`activation-${i}`}
                    value={activations[i]}
                    onChange={(e) =>
                      update((c) => ({
                        ...c,
                        hidden: withHiddenAt(
                          c.hidden,
                          c.layers.length - 2,
                          i,
                          (e.currentTarget as HTMLSelectElement).value,
                        ),
                      }))
                    }
                  >
                    {[...new Set([activations[i] ?? "relu", ...pluginNames.activation])].map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </span>
              ))}
              <span class="layer fixed">{nY} out</span>
            </div>
            <div class="buttons">
              <button
                type="button"
                data-testid="add-layer"
                onClick={() => editHidden((units) => [...units, units[units.length - 1] ?? 4])}
              >
                + layer
              </button>
              <button
                type="button"
                data-testid="remove-layer"
                disabled={hidden.length === 0}
                onClick={() => editHidden((units) => units.slice(0, -1))}
              >
                − layer
              </button>
            </div>
            <SelectField
              label="hidden activation (all layers)"
              testId="hidden"
              value={perLayer ? "" : (activations[0] ?? config.hidden)}
              options={perLayer ? [["", "per layer"], ...pluginNames.activation] : pluginNames.activation}
              onChange={(v) => {
                if (v !== "") set("hidden", v);
              }}
            />
            <SelectField
              label="output activation"
              testId="output"
              value={config.output}
              options={pluginNames.activation}
              onChange={(v) => set("output", v)}
            />
            <SelectField
              label="cost"
              testId="cost"
              value={config.cost}
              options={pluginNames.cost}
              onChange={(v) => set("cost", v)}
            />
            <SelectField
              label="initialization"
              testId="init"
              value={config.init}
              options={initializerNames}
              onChange={(v) => set("init", v)}
            />
            <NumberField
              label="init seed"
              value={config.seed}
              step="1"
              min={0}
              testId="seed"
              onChange={(n) => set("seed", n)}
            />
          </Panel>
          <Panel title="Training">
            <SelectField
              label="optimizer"
              testId="optimizer"
              value={config.optimizer}
              options={pluginNames.optimizer}
              onChange={(v) => update((c) => ({ ...c, optimizer: v, optimizerParams: {} }))}
            />
            {Object.entries(optimizerDefaults(config.optimizer)).map(([name, fallback]) => (
              <NumberField
                key={name}
                label={name}
                value={config.optimizerParams[name] ?? fallback}
                testId={`opt-${name}`}
                onChange={(n) =>
                  update((c) => ({ ...c, optimizerParams: { ...c.optimizerParams, [name]: n } }))
                }
              />
            ))}
            <NumberField
              label="learning rate"
              value={config.learning_rate}
              testId="lr"
              onChange={(n) => set("learning_rate", n)}
            />
            <SelectField
              label="decay"
              testId="decay"
              value={config.decay}
              options={["none", "update-lr", "schedule-lr-decay"]}
              onChange={(v) => set("decay", v as RunConfig["decay"])}
            />
            {config.decay === "none" ? null : (
              <div>
                <NumberField
                  label="decay rate"
                  value={config.decay_rate}
                  testId="decay-rate"
                  onChange={(n) => set("decay_rate", n)}
                />
                <NumberField
                  label="time interval"
                  value={config.time_interval}
                  step="1"
                  testId="time-interval"
                  onChange={(n) => set("time_interval", n)}
                />
              </div>
            )}
            <NumberField
              label="L2 λ"
              value={config.lambd}
              min={0}
              testId="lambd"
              onChange={(n) => set("lambd", n)}
            />
            <NumberField
              label="keep_prob (dropout)"
              value={config.keep_prob}
              step="0.01"
              testId="keep-prob"
              onChange={(n) => set("keep_prob", n)}
            />
            <NumberField
              label="mini-batch size (0: all)"
              value={config.mini_batch_size ?? 0}
              step="1"
              min={0}
              testId="mini-batch"
              onChange={(n) => set("mini_batch_size", n >= 1 ? Math.round(n) : null)}
            />
            <NumberField
              label="shuffle seed (−1: running)"
              value={config.shuffle_seed ?? -1}
              step="1"
              testId="shuffle-seed"
              onChange={(n) => set("shuffle_seed", n >= 0 ? Math.round(n) : null)}
            />
            <NumberField
              label={config.mini_batch_size === null ? "iterations" : "epochs"}
              value={config.iterations}
              step="1"
              min={1}
              testId="iterations"
              onChange={(n) => set("iterations", Math.round(n))}
            />
          </Panel>
        </div>
        <div class="results">
          <div class="buttons">
            <button
              type="button"
              data-testid="toy-train"
              disabled={running || trainer.backend === null || points === null}
              onClick={train}
            >
              Train
            </button>
            <button
              type="button"
              data-testid="toy-stop"
              disabled={!running}
              onClick={() => {
                trainer.stop();
                setRunning(false);
              }}
            >
              Stop
            </button>
            <button type="button" data-testid="notebook-adam" onClick={() => setConfig(notebookAdamMoons)}>
              The notebook's Adam run
            </button>
            <button type="button" data-testid="reset" onClick={() => setConfig(defaultToy)}>
              Reset
            </button>
          </div>
          <progress data-testid="toy-progress" max={config.iterations} value={costs.length} />
          {data._tag === "Left" ? (
            <p class="error" data-testid="data-error">
              {data.left.message}
            </p>
          ) : null}
          {error === null ? null : (
            <p class="error" data-testid="toy-error">
              {error}
            </p>
          )}
          <div class="row">
            <BoundaryCanvas
              boundary={boundary}
              train={points === null ? null : { X: points.train_x, Y: points.train_y }}
              test={
                points?.test_x === undefined || points.test_y === undefined
                  ? null
                  : { X: points.test_x, Y: points.test_y }
              }
            />
            <CostChart
              width={420}
              height={300}
              xLabel={config.mini_batch_size === null ? "iteration" : "epoch"}
              series={[
                { label: "train cost", color: "#c0392b", values: costs },
                { label: "test cost", color: "#2e86c1", values: testCosts },
              ]}
            />
          </div>
          {done === null ? null : (
            <p>
              Train accuracy <b data-testid="toy-train-accuracy">{pyFloat(done.train_accuracy)}</b>
              {done.test_accuracy === null ? null : (
                <span>
                  , test accuracy <b data-testid="toy-test-accuracy">{pyFloat(done.test_accuracy)}</b>
                </span>
              )}
              , final cost {pyFloat(done.costs[done.costs.length - 1] ?? Number.NaN)} (
              {done.seconds.toFixed(1)} s on the {done.backend.name} backend).{" "}
              <button
                type="button"
                data-testid="toy-download-metrics"
                onClick={() => download("metrics.json", `${JSON.stringify(metricsOf(done, config))}\n`)}
              >
                metrics.json
              </button>{" "}
              <button
                type="button"
                data-testid="toy-download-model"
                title="the architecture; stepwise predict reads it with model.safetensors beside it"
                onClick={() => download("model.json", done.model.json)}
              >
                model.json
              </button>{" "}
              <button
                type="button"
                data-testid="toy-download-weights"
                title="the weights, float64, with the architecture in its metadata: a complete model on its own"
                onClick={() => download("model.safetensors", done.model.safetensors)}
              >
                model.safetensors
              </button>{" "}
              <button
                type="button"
                data-testid="toy-download-program"
                disabled={points === null}
                onClick={() => {
                  if (points === null) return;
                  const program = programOf(config, points, window.location.href);
                  if (program._tag === "Right") download("stepwise-run.ts", program.right, "text/typescript");
                  else setError(program.left.message);
                }}
              >
                program.ts
              </button>
            </p>
          )}
        </div>
      </div>
    </section>
  );
};
