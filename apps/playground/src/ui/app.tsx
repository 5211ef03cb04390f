import { useState } from "preact/hooks";
import { CatView } from "./cat-view.js";
import { StepView } from "./step-view.js";
import { ToyView } from "./toy-view.js";

const VIEWS = [
  { id: "cat", title: "Cat classifier" },
  { id: "step", title: "Step through one iteration" },
  { id: "toy", title: "2-D playground" },
] as const;

type ViewId = (typeof VIEWS)[number]["id"];

const viewFromUrl = (): ViewId => {
  const v = new URLSearchParams(window.location.search).get("view");
  return VIEWS.find((x) => x.id === v)?.id ?? "cat";
};

export const App = () => {
  const [view, setView] = useState<ViewId>(viewFromUrl);
  const open = (id: ViewId): void => {
    const url = new URL(window.location.href);
    url.search = id === "cat" ? "" : `?view=${id}`;
    window.history.replaceState(null, "", url);
    setView(id);
  };
  return (
    <main>
      <header>
        <h1>Stepwise Playground</h1>
        <p class="tagline">
          The course's network in your browser, step by step, on the course's data and yours.
        </p>
        <nav>
          {VIEWS.map((v) => (
            <button
              type="button"
              key={v.id}
              class={v.id === view ? "tab active" : "tab"}
              data-testid={`tab-${v.id}`}
              onClick={() => open(v.id)}
            >
              {v.title}
            </button>
          ))}
        </nav>
      </header>
      {view === "cat" ? <CatView /> : view === "step" ? <StepView /> : <ToyView />}
    </main>
  );
};
