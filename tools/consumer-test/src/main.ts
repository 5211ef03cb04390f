// The consumer test: Stepwise as a user gets it from npm. Every public package is built and packed, the
// tarballs are installed with npm into a temporary project outside the workspace, and there:
//   (a) a plain Node ESM script runs the course's loop on a tiny network; its output must equal the same
//       script's run from the workspace's TypeScript sources; every entry of every package imports;
//   (b) `tsc --strict --module nodenext` type-checks a file importing every entry, and a typed course loop;
//   (c) the installed `stepwise` bin (a bundle): `--help`, 100 iterations of the course's run whose costs
//       equal fixtures/coursera-L-layer.json's to 1e-9, on the wasm backend, and a plugin written against
//       the installed @stepwise/core training on football.csv to the bits of the built-in activation;
//   (d) tools/browser-check's page, copied into the project and bundled by esbuild from the installed
//       packages, trains in headless Chromium on the wasm backend and prints the same costs as Node.
//
//   npx --yes pnpm@10.34.8 consumer-test        (CI: .ci/run, after the README's test command)
//
// It prints each step, stops at the first failure naming the step, and removes its temporary folder
// (STEPWISE_KEEP_CONSUMER=1 keeps it). A few minutes; not part of `pnpm test`.
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { runBrowserCheck } from "@stepwise/browser-check";
import { transform } from "esbuild";

const root = join(import.meta.dirname, "../../..");
const here = join(import.meta.dirname, "..");
const environment = process.env;
const temp = mkdtempSync(join(tmpdir(), "stepwise-consumer-"));
const tarballDir = join(temp, "tarballs");
const project = join(temp, "project");

interface Json {
  readonly [key: string]: unknown;
}
const readJson = (path: string): Json => JSON.parse(readFileSync(path, "utf8")) as Json;
const rootJson = readJson(join(root, "package.json"));

/** A public package: its folder and package.json. */
interface Package {
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly json: Json;
}
const publicPackages: ReadonlyArray<Package> = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => {
    const json = readJson(join(dir, "package.json"));
    return { dir, name: String(json["name"]), version: String(json["version"]), json };
  })
  .filter(({ json }) => json["private"] !== true);

// ---------------------------------------------------------------------------------------------------------
// Running commands

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a user's shell would give: none of pnpm's npm_* settings, no NODE_OPTIONS. */
const userEnvironment = (extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(
    Object.entries(environment).filter(
      ([key]) => !/^(npm_|pnpm_|PNPM_)/i.test(key) && key !== "NODE_OPTIONS" && key !== "INIT_CWD",
    ),
  ),
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  ...extra,
});

const exec = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number },
): Promise<Ran> =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? userEnvironment(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${(options.timeoutMs ?? 0) / 1000} s)`;
      child.kill("SIGTERM");
    }, options.timeoutMs ?? 600_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}${e.message}` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

const tail = (text: string, lines = 40): string => text.trimEnd().split("\n").slice(-lines).join("\n");

/** Runs a command and throws, with the command and the end of its output, unless it exits 0. */
const mustRun = async (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number },
): Promise<Ran> => {
  const ran = await exec(command, args, options);
  if (ran.code !== 0)
    throw new Error(
      `\`${[command, ...args].join(" ")}\` (in ${options.cwd}) exited with ${ran.code ?? "an error"}:\n${tail(`${ran.stdout}\n${ran.stderr}`)}`,
    );
  return ran;
};

/** pnpm as this script was started (`pnpm consumer-test`), else the root's packageManager through npx. */
const pnpm = (): readonly [string, ReadonlyArray<string>] => {
  const execpath = environment["npm_execpath"];
  return execpath !== undefined && /pnpm/.test(execpath)
    ? [process.execPath, [execpath]]
    : ["npx", ["--yes", String(rootJson["packageManager"] ?? "pnpm@10")]];
};

/** turbo runs each package's script with the `pnpm` on PATH; a one-line shim when there is none. */
const pathWithPnpm = (): string => {
  const path = environment["PATH"] ?? "";
  if (path.split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, "pnpm")))) return path;
  const [command, args] = pnpm();
  const bin = join(temp, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, "pnpm"),
    `#!/bin/sh\nexec "${command}" ${args.map((a) => `"${a}"`).join(" ")} "$@"\n`,
    {
      mode: 0o755,
    },
  );
  return `${bin}${delimiter}${path}`;
};

/** At most `n` tasks at once. */
const inBatches = async <A, B>(
  items: ReadonlyArray<A>,
  n: number,
  task: (a: A) => Promise<B>,
): Promise<B[]> => {
  const results: B[] = [];
  for (let i = 0; i < items.length; i += n)
    results.push(...(await Promise.all(items.slice(i, i + n).map(task))));
  return results;
};

// ---------------------------------------------------------------------------------------------------------
// What a tarball must hold

/** Every file a package.json points at (exports but the source condition, types, bin), without "./". */
const pointedAt = (json: Json): ReadonlyArray<string> => {
  const walk = (value: unknown, key?: string): string[] =>
    typeof value === "string"
      ? key === "@stepwise/source"
        ? []
        : [value]
      : value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) => walk(v, k))
        : [];
  return [...new Set([...walk(json["exports"]), ...walk(json["types"]), ...walk(json["bin"])])].map((p) =>
    p.replace(/^\.\//, ""),
  );
};

/** Why a tarball is incomplete: missing targets, dist/*.js without declarations, workspace: specs. */
const tarballProblems = async (tarball: string): Promise<ReadonlyArray<string>> => {
  const listed = await mustRun("tar", ["-tzf", tarball], { cwd: temp });
  const files = new Set(listed.stdout.split("\n").map((line) => line.replace(/^package\//, "")));
  const json = JSON.parse(
    (await mustRun("tar", ["-xzOf", tarball, "package/package.json"], { cwd: temp })).stdout,
  );
  // A subpath pattern ("./datasets/*") needs at least one file it matches.
  const holds = (path: string): boolean =>
    path.includes("*")
      ? [...files].some((file) => file.startsWith(path.slice(0, path.indexOf("*"))))
      : files.has(path);
  const problems = pointedAt(json)
    .filter((path) => !holds(path))
    .map((path) => `package.json points at ${path}, which the tarball lacks`);
  for (const file of ["LICENSE", "README.md"]) if (!files.has(file)) problems.push(`no ${file}`);
  // A bundled bin (the CLI's dist/stepwise.js and its chunks in dist/stepwise/) is run, never imported.
  const bins = pointedAt({ bin: json.bin });
  const bundled = (file: string): boolean =>
    bins.some((bin) => file === bin || file.startsWith(bin.replace(/\.js$/, "/")));
  for (const file of files)
    if (/^dist\/.*\.js$/.test(file) && !bundled(file) && !files.has(file.replace(/\.js$/, ".d.ts")))
      problems.push(`${file} has no declarations (${file.replace(/\.js$/, ".d.ts")}): was it built by tsc?`);
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"])
    for (const [name, spec] of Object.entries((json[field] ?? {}) as Record<string, string>))
      if (spec.startsWith("workspace:")) problems.push(`${field}.${name} is still ${spec}`);
  return problems;
};

// ---------------------------------------------------------------------------------------------------------
// The steps

/** Public entries a consumer imports: "@stepwise/x" and "@stepwise/x/node", not the .wasm files. */
const entriesOf = (pkg: Package): ReadonlyArray<string> => {
  const exports = (pkg.json["exports"] ?? {}) as Record<string, unknown>;
  return Object.keys(exports)
    .filter((subpath) => !/\.\w+$/.test(subpath) && !subpath.includes("*"))
    .map((subpath) => (subpath === "." ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, "")}`));
};

const costLines = (text: string): ReadonlyArray<string> =>
  text.split("\n").filter((line) => line.startsWith("Cost after iteration"));

const steps: ReadonlyArray<readonly [string, () => Promise<void>]> = [
  [
    "build every package (turbo run build: tsc, declarations included)",
    async () => {
      await mustRun(
        process.execPath,
        [
          join(root, "node_modules/turbo/bin/turbo"),
          "run",
          "build",
          "--filter=./packages/*",
          "--output-logs=errors-only",
        ],
        {
          cwd: root,
          env: {
            ...environment,
            PATH: pathWithPnpm(),
            TURBO_CACHE_DIR: environment["TURBO_CACHE_DIR"] ?? join(root, ".turbo/cache"),
            TURBO_TELEMETRY_DISABLED: "1",
          },
          timeoutMs: 1_800_000,
        },
      );
      console.log(`  · ${publicPackages.length} public packages built`);
    },
  ],
  [
    "pack every public package (pnpm pack) and check each tarball is complete",
    async () => {
      mkdirSync(tarballDir, { recursive: true });
      const [command, args] = pnpm();
      await inBatches(publicPackages, 3, (pkg) =>
        mustRun(command, [...args, "pack", "--pack-destination", tarballDir], {
          cwd: pkg.dir,
          env: environment,
        }),
      );
      const tarballs = readdirSync(tarballDir).filter((f) => f.endsWith(".tgz"));
      if (tarballs.length !== publicPackages.length)
        throw new Error(
          `expected ${publicPackages.length} tarballs, found ${tarballs.length}: ${tarballs.join(", ")}`,
        );
      const problems = (
        await inBatches(tarballs, 4, async (t) =>
          (await tarballProblems(join(tarballDir, t))).map((problem) => `${t}: ${problem}`),
        )
      ).flat();
      if (problems.length > 0) throw new Error(`incomplete tarballs:\n  ${problems.join("\n  ")}`);
      console.log(
        `  · ${tarballs.length} tarballs, each with every file its package.json points at, declarations for every dist/*.js, no workspace: ranges`,
      );
    },
  ],
  [
    "install the tarballs with npm into a project outside the workspace",
    async () => {
      mkdirSync(project, { recursive: true });
      writeFileSync(
        join(project, "package.json"),
        `${JSON.stringify({ name: "stepwise-consumer", private: true, type: "module" }, null, 2)}\n`,
      );
      const dev = rootJson["devDependencies"] as Record<string, string>;
      const tarballs = readdirSync(tarballDir)
        .filter((f) => f.endsWith(".tgz"))
        .map((f) => join(tarballDir, f));
      console.log(`  · ${project}`);
      console.log(
        `  · npm install <${tarballs.length} tarballs> typescript@${dev["typescript"]} @types/node@${dev["@types/node"]}`,
      );
      await mustRun(
        "npm",
        [
          "install",
          "--no-audit",
          "--no-fund",
          "--loglevel=error",
          ...tarballs,
          `typescript@${dev["typescript"]}`,
          `@types/node@${dev["@types/node"]}`,
        ],
        { cwd: project, timeoutMs: 900_000 },
      );
      // Each package is a copy in the project, not a link back into the workspace.
      for (const pkg of publicPackages) {
        const installed = join(project, "node_modules", pkg.name);
        if (!existsSync(installed) || lstatSync(installed).isSymbolicLink())
          throw new Error(`${pkg.name} is not installed as a folder of its own in ${installed}`);
        if (!realpathSync(installed).startsWith(realpathSync(project)))
          throw new Error(`${installed} resolves outside the project`);
      }
      console.log(`  · ${publicPackages.length} @stepwise packages installed as copies`);
    },
  ],
  [
    "(a) plain Node ESM: every entry imports; the course loop prints the workspace's costs",
    async () => {
      const entries = publicPackages.flatMap(entriesOf);
      writeFileSync(
        join(project, "imports.mjs"),
        `${entries.map((e, i) => `import * as m${i} from ${JSON.stringify(e)};`).join("\n")}\nconsole.log([${entries.map((_, i) => `m${i}`).join(", ")}].map((m) => Object.keys(m).length).join(" "));\n`,
      );
      const imported = await mustRun(process.execPath, ["imports.mjs"], { cwd: project });
      const counts = imported.stdout.trim().split(" ").map(Number);
      const empty = entries.filter((_, i) => !(counts[i] !== undefined && counts[i] > 0));
      if (empty.length > 0) throw new Error(`these entries export nothing: ${empty.join(", ")}`);
      console.log(`  · node imports.mjs: all ${entries.length} entries import (${entries.join(", ")})`);

      cpSync(join(here, "project/course-loop.mjs"), join(project, "course-loop.mjs"));
      const installed = await mustRun(process.execPath, ["course-loop.mjs"], { cwd: project });
      const workspace = await mustRun(
        process.execPath,
        ["--conditions=@stepwise/source", "--import", "tsx", join(here, "project/course-loop.mjs")],
        { cwd: root },
      );
      const [ours, theirs] = [costLines(installed.stdout), costLines(workspace.stdout)];
      if (ours.length !== 25)
        throw new Error(`course-loop.mjs printed ${ours.length} costs, not 25:\n${installed.stdout}`);
      if (ours.join("\n") !== theirs.join("\n"))
        throw new Error(
          `the installed packages and the workspace sources print different costs:\n--- installed ---\n${ours.join("\n")}\n--- workspace ---\n${theirs.join("\n")}`,
        );
      const costs = ours.map((line) => Number(line.split(": ")[1]));
      if (!((costs.at(-1) ?? Number.NaN) < (costs[0] ?? Number.NaN)))
        throw new Error(`the cost did not go down: ${costs.join(", ")}`);
      console.log(`  · node course-loop.mjs: ${ours[0]} … ${ours.at(-1)}`);
      console.log("  · the same 25 lines, character for character, from the workspace sources (tsx)");
    },
  ],
  [
    "(b) tsc --strict --module nodenext: every entry and a typed course loop",
    async () => {
      const entries = publicPackages.flatMap(entriesOf);
      writeFileSync(
        join(project, "consumer.ts"),
        `${entries.map((e, i) => `import * as m${i} from ${JSON.stringify(e)};`).join("\n")}\n\nexport const entries = [${entries.map((_, i) => `m${i}`).join(", ")}];\n`,
      );
      cpSync(join(here, "project/typed.ts"), join(project, "typed.ts"));
      const args = [
        "--no-install",
        "tsc",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--strict",
        "--noEmit",
        "consumer.ts",
        "typed.ts",
      ];
      console.log(`  · npx ${args.join(" ")}`);
      await mustRun("npx", args, { cwd: project, timeoutMs: 600_000 });
      console.log(
        `  · no errors: ${entries.length} entries and typed.ts, declarations of every dependency checked too`,
      );
    },
  ],
  [
    "(c) the installed stepwise CLI: --help, the course's first 100 iterations, a plugin on football",
    async () => {
      const help = await mustRun("npx", ["--no-install", "stepwise", "--help"], { cwd: project });
      if (!help.stdout.includes("Usage: stepwise"))
        throw new Error(`npx stepwise --help printed no usage:\n${tail(help.stdout)}`);
      console.log(`  · npx stepwise --help: ${help.stdout.split("\n")[0]}`);
      const data = join(root, "datasets/catvnoncat");
      const out = join(project, "runs/course");
      const args = ["--no-install", "stepwise", "train", "--data", data, "--iterations", "100", "--out", out];
      console.log(`  · npx ${args.join(" ")}`);
      const train = await mustRun("npx", args, { cwd: project, timeoutMs: 600_000 });
      const metrics = readJson(join(out, "metrics.json"));
      const costs = metrics["costs"] as ReadonlyArray<number>;
      const course = (
        readJson(join(root, "fixtures/coursera-L-layer.json"))["costs"] as ReadonlyArray<number>
      ).slice(0, 100);
      if (costs.length !== 100) throw new Error(`metrics.json holds ${costs.length} costs, not 100`);
      const gaps = costs.map((c, i) => Math.abs(c - (course[i] ?? Number.NaN)));
      const worst = gaps.reduce((a, b) => (b > a || Number.isNaN(b) ? b : a), 0);
      if (!(worst <= 1e-9))
        throw new Error(
          `a cost differs from fixtures/coursera-L-layer.json by ${worst} (> 1e-9):\n${tail(train.stdout)}`,
        );
      const backend = (metrics["config"] as Json | undefined)?.["backend"];
      if (backend !== "wasm")
        throw new Error(
          `the run used the ${String(backend)} backend, not wasm (are the kernels in the tarball?)`,
        );
      console.log(
        `  · metrics.json: 100 costs, ${costs[0]} … ${costs[99]}, the course's to ${worst.toExponential(1)} (≤ 1e-9), backend wasm, status ${String(metrics["status"])}`,
      );
      // The bin is a bundle with its own copy of @stepwise/core and @stepwise/tensor; a plugin imports the
      // installed ones. Softsign defined by such a plugin must train to the bits of the built-in softsign,
      // on football.csv, which the bundle finds inside the installed @stepwise/data.
      writeFileSync(
        join(project, "plugin.mjs"),
        `import { defineActivation } from "@stepwise/core";
export const plugins = [
  defineActivation({
    name: "softsign_copy",
    package: "./plugin.mjs",
    description: "softsign, defined with the installed @stepwise/core",
    fn: (z) => z / (1 + Math.abs(z)),
    derivative: (z) => 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z))),
  }),
];
`,
      );
      const football = (hidden: string, extra: ReadonlyArray<string>) =>
        [
          "--no-install",
          "stepwise",
          "train",
          "--data",
          "football",
          "--hidden",
          hidden,
          "--iterations",
          "50",
        ].concat(extra, ["--quiet", "--out", join(project, `runs/${hidden}`)]);
      await mustRun("npx", football("softsign_copy", ["--plugin", "./plugin.mjs"]), { cwd: project });
      await mustRun("npx", football("softsign", []), { cwd: project });
      const [copy, builtIn] = ["softsign_copy", "softsign"].map((hidden) =>
        readJson(join(project, `runs/${hidden}/metrics.json`)),
      );
      const copyCosts = copy?.["costs"] as ReadonlyArray<number>;
      const builtInCosts = builtIn?.["costs"] as ReadonlyArray<number>;
      if (copyCosts.length !== 50 || copyCosts.some((c, i) => !Object.is(c, builtInCosts[i])))
        throw new Error(
          `softsign from a plugin trained to other costs than the built-in one: ${copyCosts.slice(0, 3)} … vs ${builtInCosts.slice(0, 3)} …`,
        );
      if (!existsSync(join(project, "runs/softsign_copy/decision-boundary.png")))
        throw new Error("the football run wrote no decision-boundary.png");
      console.log(
        `  · --plugin ./plugin.mjs (softsign on the installed @stepwise/core) on football: the built-in softsign's 50 costs, bit for bit; decision-boundary.png written`,
      );
    },
  ],
  [
    "(d) esbuild bundle of @stepwise/model + the wasm backend from the installed packages, in headless Chromium",
    async () => {
      const browser = join(project, "browser");
      cpSync(join(root, "tools/browser-check/page"), join(browser, "page"), { recursive: true });
      mkdirSync(join(browser, "src"), { recursive: true });
      const tinyRun = readFileSync(join(root, "tools/browser-check/src/tiny-run.ts"), "utf8");
      writeFileSync(join(browser, "src/tiny-run.ts"), tinyRun);
      writeFileSync(
        join(browser, "src/tiny-run.mjs"),
        (await transform(tinyRun, { loader: "ts", format: "esm", target: "es2022" })).code,
      );
      cpSync(join(here, "project/tiny-node.mjs"), join(project, "tiny-node.mjs"));
      const node = JSON.parse(
        (await mustRun(process.execPath, ["tiny-node.mjs"], { cwd: project })).stdout,
      ) as number[];
      console.log(`  · Node (installed packages, wasm, plain SIMD): ${node.join(", ")}`);
      const check = await runBrowserCheck({
        conditions: [],
        pageDir: join(browser, "page"),
        pages: [{ isolated: true, fusedMultiplyAdd: false }],
      });
      const page = check.pages[0]?.result;
      if (page === undefined) throw new Error("the page never reported");
      if (!page.worker.ok) throw new Error(`the page's worker failed: ${page.worker.error}`);
      const costs = page.worker.costs;
      console.log(
        `  · ${check.browser}, ${check.files.map((f) => `${f.name} ${f.bytes} B`).join(", ")}; crossOriginIsolated ${page.crossOriginIsolated}, ${page.worker.threads} threads`,
      );
      console.log(`  · Chromium: ${costs.join(", ")}`);
      if (JSON.stringify(costs) !== JSON.stringify(node))
        throw new Error(
          `Chromium's costs differ from Node's:\n  Chromium ${costs.join(", ")}\n  Node     ${node.join(", ")}`,
        );
      console.log("  · the same costs, bit for bit");
    },
  ],
];

// ---------------------------------------------------------------------------------------------------------

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const cleanUp = (): void => {
  if (environment["STEPWISE_KEEP_CONSUMER"] !== undefined) console.log(`consumer test: kept ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.once(signal, () => {
    cleanUp();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });

const started = performance.now();
console.log(`consumer test: ${steps.length} steps, in ${temp}`);
let failed = false;
for (const [i, [title, run]] of steps.entries()) {
  const label = `[${i + 1}/${steps.length}] ${title}`;
  console.log(`\n▶ ${label}`);
  const stepStarted = performance.now();
  try {
    await run();
    console.log(`  ✓ ${seconds(performance.now() - stepStarted)}`);
  } catch (e) {
    console.error(
      `  ✗ failed after ${seconds(performance.now() - stepStarted)}:\n${e instanceof Error ? e.message : String(e)}`,
    );
    console.error(`\nconsumer test FAILED at step ${label}`);
    failed = true;
    break;
  }
}
cleanUp();
if (failed) process.exit(1);
console.log(`\nconsumer test passed: ${steps.length} steps in ${seconds(performance.now() - started)}`);
