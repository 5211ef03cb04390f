import { render } from "preact";
import "katex/dist/katex.min.css";
import "./style.css";
import { App } from "./ui/app.js";

const root = document.getElementById("app");
if (root !== null) render(<App />, root);
