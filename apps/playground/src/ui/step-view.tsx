import { GRADIENT_CHECK_THRESHOLD } from "@stepwise/backward";
import { useMemo, useState } from "preact/hooks";
import { gradientCheckOf, stepCases, stepsOf } from "../engine/step.js";
import { pyFloat } from "./format.js";
import { MatrixView } from "./matrix-view.js";
import { Tex } from "./tex.js";

/**
 * One iteration of a small network, forward layer by layer, the cost, back, and the update: each step
 * names its course function, typesets its equation and shows the actual numbers. These networks are
 * tiny, so they run on the page's own thread (js backend).
 */
export const StepView = () => {
  const [caseId, setCaseId] = useState<string>(stepCases[0]?.id ?? "");
  const [index, setIndex] = useState(0);
  const [full, setFull] = useState(false);
  const [check, setCheck] = useState<number | null>(null);
  const chosen = stepCases.find((c) => c.id === caseId) ?? stepCases[0];
  const walk = useMemo(() => (chosen === undefined ? undefined : stepsOf(chosen)), [chosen]);
  if (chosen === undefined || walk === undefined) return null;
  const { steps, grads } = walk;
  const step = steps[Math.min(index, steps.length - 1)];
  return (
    <section class="view" data-testid="step-view">
      <h2>Step through one iteration</h2>
      <div class="buttons">
        <label>
          Network:{" "}
          <select
            data-testid="step-case"
            value={caseId}
            onChange={(e) => {
              setCaseId((e.currentTarget as HTMLSelectElement).value);
              setIndex(0);
              setCheck(null);
            }}
          >
            {stepCases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={full}
            onChange={() => setFull(!full)}
            data-testid="full-precision"
          />{" "}
          every digit
        </label>
      </div>
      <p class="source">{chosen.source}</p>
      <div class="stepper">
        <ol class="steps">
          {steps.map((s, i) => (
            <li key={`${s.fn}-${s.title}`} class={i === index ? `${s.phase} current` : s.phase}>
              <button type="button" data-testid={`step-${i}`} onClick={() => setIndex(i)}>
                {s.title}
              </button>
            </li>
          ))}
        </ol>
        {step === undefined ? null : (
          <div class="step" data-testid="step">
            <div class="buttons">
              <button
                type="button"
                data-testid="step-prev"
                disabled={index === 0}
                onClick={() => setIndex(index - 1)}
              >
                ← back
              </button>
              <button
                type="button"
                data-testid="step-next"
                disabled={index >= steps.length - 1}
                onClick={() => setIndex(index + 1)}
              >
                next step →
              </button>
              <span>
                step {index + 1} of {steps.length}
              </span>
            </div>
            <h3>
              <code data-testid="step-fn">{step.fn}</code> — {step.title}
            </h3>
            <Tex tex={step.tex} />
            <div class="values">
              {step.values.map(([name, value]) => (
                <MatrixView key={name} name={name} value={value} full={full} />
              ))}
            </div>
          </div>
        )}
      </div>
      <h3>Gradient checking</h3>
      <p>
        <code>gradient_check_n</code> nudges every parameter by ε = 1e-7 both ways, and compares the centred
        differences of the cost with the backward pass's gradients:
      </p>
      <Tex tex="\text{difference} = \frac{\lVert grad - gradapprox \rVert_2}{\lVert grad \rVert_2 + \lVert gradapprox \rVert_2}" />
      <button
        type="button"
        data-testid="gradient-check"
        onClick={() => setCheck(gradientCheckOf(chosen, grads))}
      >
        Run gradient_check_n
      </button>
      {check === null ? null : (
        <p data-testid="gradient-check-result" class={check < GRADIENT_CHECK_THRESHOLD ? "ok" : "error"}>
          difference = <b data-testid="difference">{pyFloat(check)}</b>{" "}
          {check < GRADIENT_CHECK_THRESHOLD
            ? `< ${GRADIENT_CHECK_THRESHOLD}: your backward propagation works perfectly fine!`
            : `> ${GRADIENT_CHECK_THRESHOLD}: there is a mistake in the backward propagation!`}
        </p>
      )}
    </section>
  );
};
