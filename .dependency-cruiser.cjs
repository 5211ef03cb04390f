/**
 * Dependencies point one way (DESIGN.md, "Layout"), checked on every `pnpm test` (`pnpm deps`): the next
 * wrong arrow fails CI with the rule it breaks. dependency-cruiser resolves `@stepwise/<name>` imports to
 * the packages' TypeScript source, as the workspace does, so the rules read as folder paths.
 */

/**
 * What each package's src may import from the workspace, by folder (`activation-*` stands for every
 * activation plugin, `cost-*` for every cost plugin). Read top to bottom it is DESIGN's order:
 * tensor ← random ← init; tensor ← activation-* / cost-* ← forward-cache ← backward ← model ← cli;
 * onnx sits beside model (it reads a trained network's parameters and plugin names; neither imports the
 * other). A package missing here may import nothing of the workspace until it is placed.
 */
const allowed = {
  tensor: [],
  random: ["tensor"],
  core: ["tensor"],
  "backend-*": ["tensor"],
  init: ["tensor", "random", "core"],
  "activation-*": ["tensor", "core"],
  "cost-*": ["tensor", "core"],
  data: ["tensor", "random", "core"],
  testkit: ["tensor", "random", "core"],
  optimizer: ["tensor", "core"],
  cost: ["tensor", "core", "cost-*"],
  graph: ["tensor", "core", "activation-*", "cost-*"],
  "forward-cache": ["tensor", "random", "core", "activation-*"],
  backward: ["tensor", "random", "core", "activation-*", "cost-*", "cost", "forward-cache"],
  model: [
    "tensor",
    "random",
    "core",
    "init",
    "data",
    "activation-*",
    "cost-*",
    "cost",
    "optimizer",
    "forward-cache",
    "backward",
  ],
  onnx: ["tensor", "core", "forward-cache"],
  // The CLI (an app in all but folder) may use every package; never tools, nor a backend's insides.
  cli: ["*"],
};

/** A folder name or pattern (`cost-*`) as a regular expression over package folder names. */
const folder = (name) => (name === "*" ? "[^/]+" : name.replace("-*", "-[^/]+"));

const layerRules = Object.entries(allowed).map(([from, to]) => ({
  name: `layers: ${from}`,
  comment: `packages/${from}/src may import only ${to.length === 0 ? "nothing of the workspace" : to.join(", ")} (DESIGN.md's one-way order)`,
  severity: "error",
  from: { path: `^packages/(${folder(from)})/src/` },
  to: {
    path: "^packages/",
    // Its own folder, and the ones it may use.
    pathNot: [`^packages/$1/`, ...to.map((name) => `^packages/${folder(name)}/`)],
  },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment:
        "No import cycles, between packages or inside one. A type-only import is erased when compiled, so a cycle that needs one is not a cycle at run time (as in Biome's noImportCycles)",
      severity: "error",
      from: {},
      to: {
        circular: true,
        dependencyTypesNot: ["type-only"],
        viaOnly: { dependencyTypesNot: ["type-only"] },
      },
    },
    ...layerRules,
    {
      name: "not-to-unresolvable",
      comment:
        "Every import resolves: a workspace package a package.json does not list cannot be imported (pnpm links only what is declared)",
      severity: "error",
      from: {},
      // A bundler's query (Vite's `kernels.wasm?url` in apps/playground) is the bundler's to resolve.
      to: { couldNotResolve: true, pathNot: "\\?url$" },
    },
    {
      name: "package-not-placed",
      comment:
        "A new package's src must be placed in .dependency-cruiser.cjs's `allowed` before it imports the workspace",
      severity: "error",
      from: {
        path: "^packages/([^/]+)/src/",
        pathNot: `^packages/(${Object.keys(allowed).map(folder).join("|")})/src/`,
      },
      to: { path: "^packages/", pathNot: "^packages/$1/" },
    },
    {
      name: "no-package-to-app",
      comment:
        "A package never imports an app (the digits data lives in @stepwise/data/node, and the CLI has its own digits run)",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "no-app-to-app",
      comment: "An app never imports another app",
      severity: "error",
      from: { path: "^apps/([^/]+)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
    {
      name: "no-tool-to-app",
      comment:
        "A tool (benchmarks, browser and README checks, the consumer test) uses packages, never an app",
      severity: "error",
      from: { path: "^tools/" },
      to: { path: "^apps/" },
    },
    {
      name: "no-tools-from-packages-or-apps",
      comment:
        "Packages and apps never import tools (benchmarks, parity runs): tools depend on them, not back",
      severity: "error",
      from: { path: "^(packages|apps)/" },
      to: { path: "^tools/" },
    },
    {
      name: "no-backend-insides",
      comment: "Only a backend's own files import its src: others use its package entry (src/index.ts)",
      severity: "error",
      from: { path: "^(packages|apps|tools)/", pathNot: "^packages/(backend-[^/]+)/" },
      to: { path: "^packages/backend-[^/]+/src/", pathNot: "^packages/backend-[^/]+/src/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // tools/consumer-test/project holds files that run in a project outside the workspace, against the
    // installed tarballs: they resolve there, not here.
    exclude: { path: ["(^|/)(node_modules|dist|build|assembly)/", "^tools/consumer-test/project/"] },
    tsPreCompilationDeps: true,
    // Workspace packages resolve to their TypeScript source, as in tsconfig.base.json.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["@stepwise/source", "import", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
