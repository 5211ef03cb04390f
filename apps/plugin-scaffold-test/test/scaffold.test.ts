import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The plugin templates cannot rot: this runs `turbo gen activation` and `turbo gen cost` exactly as a
 * contributor would, in a copy of the workspace, and runs what CI would run on the new packages (their
 * tests, tsc, biome).
 *
 * - The copy holds the root files and the packages a plugin needs (core and testkit, and the workspace
 *   packages they depend on), so the real repository is never touched.
 * - The generator runs through @turbo/gen's own CLI (`gen run <generator> --args …`), the package and
 *   version that `turbo gen` itself downloads with `pnpm dlx @turbo/gen@<turbo's version>`; the test
 *   checks the two versions agree, so it exercises what `pnpm turbo gen activation` runs, without a
 *   network round trip.
 * - The copy is not installed with pnpm: it is linked to what installing the repository already put in
 *   node_modules. Each copied package gets the links its original has (a workspace dependency points to the
 *   copy's package, anything else to the repository's installed one), and a generated package gets a link
 *   for each of its dependencies, which must be workspace packages. Any `pnpm install` here, even
 *   `--offline` for packages that only link workspace folders, re-resolves the whole lockfile and needs
 *   the registry's metadata, which `pnpm install --frozen-lockfile` never fetches: the test would pass or
 *   fail by what an earlier install on the machine happened to cache (ERR_PNPM_NO_OFFLINE_META on a cold
 *   cache), or need the network. Linking needs neither, and resolves every module exactly as the
 *   repository's install does.
 */

const ROOT = join(import.meta.dirname, "../../..");
const require = createRequire(join(ROOT, "package.json"));

/** The workspace packages a generated plugin needs: core and testkit, and what they depend on. */
const workspacePackages = (): ReadonlyArray<string> => {
  const dirs = new Map(
    readdirSync(join(ROOT, "packages"))
      .filter((name) => existsSync(join(ROOT, "packages", name, "package.json")))
      .map((name) => {
        const json = JSON.parse(readFileSync(join(ROOT, "packages", name, "package.json"), "utf8")) as {
          name: string;
        };
        return [json.name, `packages/${name}`] as const;
      }),
  );
  const needed = new Set<string>();
  const visit = (name: string): void => {
    const dir = dirs.get(name);
    if (dir === undefined || needed.has(dir)) return;
    needed.add(dir);
    const json = JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const field of ["dependencies", "devDependencies", "peerDependencies"])
      for (const [dep, spec] of Object.entries(json[field] ?? {}))
        if (spec.startsWith("workspace:")) visit(dep);
  };
  for (const name of ["@stepwise/core", "@stepwise/testkit"]) visit(name);
  return [...needed];
};

/** The files and folders of the workspace the generated packages need. */
const COPY = [
  "package.json",
  "pnpm-workspace.yaml",
  "turbo.json",
  "tsconfig.base.json",
  "biome.json",
  ".gitignore",
  "vitest.config.ts",
  ".changeset/config.json",
  "turbo/generators",
  // The root `prepare` (scripts/build-cli.mjs, which builds nothing without packages/cli), the package
  // check, and the LICENSE the generator copies into the new package.
  "scripts",
  "LICENSE",
  ...workspacePackages(),
];
const SKIP = new Set(["node_modules", "dist", ".turbo", "coverage"]);

const REAL_ROOT = realpathSync(ROOT);

/** The workspace's packages by name, each to its folder relative to the root (packages/x or apps/x). */
const packageDirs = (workspace: string): ReadonlyMap<string, string> =>
  new Map(
    ["packages", "apps"].flatMap((group) =>
      existsSync(join(workspace, group))
        ? readdirSync(join(workspace, group))
            .filter((name) => existsSync(join(workspace, group, name, "package.json")))
            .map((name) => {
              const json = JSON.parse(readFileSync(join(workspace, group, name, "package.json"), "utf8")) as {
                name: string;
              };
              return [json.name, `${group}/${name}`] as const;
            })
        : [],
    ),
  );

/** The entries of a node_modules folder, scoped ones as `@scope/name`; pnpm's own (`.pnpm`, `.bin`) left out. */
const installedNames = (nodeModules: string): ReadonlyArray<string> =>
  existsSync(nodeModules)
    ? readdirSync(nodeModules)
        .filter((name) => !name.startsWith("."))
        .flatMap((name) =>
          name.startsWith("@")
            ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`)
            : [name],
        )
    : [];

/** A symlink `nodeModules/name` → `target`, creating the scope folder as needed. */
const link = async (nodeModules: string, name: string, target: string): Promise<void> => {
  await mkdir(dirname(join(nodeModules, name)), { recursive: true });
  await symlink(target, join(nodeModules, name), "dir");
};

/**
 * Gives the root and each copied package of `workspace` the node_modules links the repository's have: a
 * link into one of the repository's workspace packages points to the copy's, any other to the installed
 * package itself.
 */
const linkCopy = async (workspace: string): Promise<void> => {
  const copied = COPY.filter((path) => path.startsWith("packages/") || path.startsWith("apps/"));
  for (const dir of ["", ...copied]) {
    const nodeModules = join(ROOT, dir, "node_modules");
    for (const name of installedNames(nodeModules)) {
      const real = realpathSync(join(nodeModules, name));
      const inside = relative(REAL_ROOT, real);
      const workspacePackage = /^(packages|apps)\/[^/]+$/.test(inside);
      if (workspacePackage && !copied.includes(inside))
        throw new Error(
          `${dir || "the root"} links ${name} to ${inside}, which the scaffold copy does not hold`,
        );
      await link(
        join(workspace, dir, "node_modules"),
        name,
        workspacePackage ? join(workspace, inside) : real,
      );
    }
  }
};

/**
 * What `pnpm install` does for a generated package in this workspace: a link to the copy's package for each
 * dependency. The templates depend on workspace packages only; anything else would need an install.
 */
const linkGenerated = async (workspace: string, dir: string): Promise<void> => {
  const json = JSON.parse(await readFile(join(workspace, dir, "package.json"), "utf8")) as Record<
    string,
    Record<string, string> | undefined
  >;
  const inWorkspace = packageDirs(workspace);
  for (const field of ["dependencies", "devDependencies", "peerDependencies"])
    for (const [name, spec] of Object.entries(json[field] ?? {})) {
      const target = inWorkspace.get(name);
      if (!spec.startsWith("workspace:") || target === undefined)
        throw new Error(
          `${dir}/package.json: ${field} ${name}@${spec} is not a workspace package; the scaffold test links a generated package to the workspace's packages instead of installing it, so the templates may only depend on workspace packages (or teach linkGenerated where to find ${name})`,
        );
      await link(join(workspace, dir, "node_modules"), name, join(workspace, target));
    }
};

interface Ran {
  readonly code: number;
  readonly output: string;
}

const exec = (file: string, args: ReadonlyArray<string>, cwd: string): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : 1,
          output: `${stdout}${stderr}`,
        }),
    );
  });

const expectOk = (ran: Ran, what: string): void => {
  if (ran.code !== 0) throw new Error(`${what} failed (exit ${ran.code}):\n${ran.output}`);
};

const GEN = require.resolve("@turbo/gen/dist/cli.js");
const generate = (workspace: string, generator: "activation" | "cost", args: ReadonlyArray<string>) =>
  exec(process.execPath, [GEN, "run", generator, "--root", workspace, "--args", ...args], workspace);

let workspace = "";
const started = performance.now();
const seconds: Record<string, number> = {};
const timed = async <A>(step: string, run: () => Promise<A>): Promise<A> => {
  const t0 = performance.now();
  const result = await run();
  seconds[step] = Math.round((performance.now() - t0) / 100) / 10;
  return result;
};

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "stepwise-scaffold-"));
  await timed("copy", () =>
    Promise.all(
      COPY.map((path) =>
        cp(join(ROOT, path), join(workspace, path), {
          recursive: true,
          filter: (source) => !SKIP.has(basename(source)),
        }),
      ),
    ),
  );
  // As a contributor would: an installed workspace, the generator, then the new packages installed.
  await timed("link", () => linkCopy(workspace));
  expectOk(
    await timed("generate activation", () => generate(workspace, "activation", ["scaffold_probe", ""])),
    "turbo gen activation",
  );
  expectOk(
    await timed("generate cost", () =>
      generate(workspace, "cost", ["scaffold_probe_cost", 'a "quoted" */ description']),
    ),
    "turbo gen cost",
  );
  await timed("link generated", async () => {
    await linkGenerated(workspace, "packages/activation-scaffold-probe");
    await linkGenerated(workspace, "packages/cost-scaffold-probe-cost");
  });
}, 240_000);

afterAll(async () => {
  // Kept when a step failed, for a look; the path is in the failure message.
  if (workspace !== "" && process.env["STEPWISE_KEEP_SCAFFOLD"] === undefined)
    await rm(workspace, { recursive: true, force: true });
  process.stdout.write(
    `plugin scaffold: ${JSON.stringify(seconds)}, ${Math.round((performance.now() - started) / 1000)} s in all\n`,
  );
});

describe("turbo gen activation / cost, in a copy of the workspace", () => {
  it("`turbo gen` fetches the same @turbo/gen this test runs: turbo and @turbo/gen are pinned to one version", async () => {
    const rootPackage = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    const turbo = rootPackage.devDependencies["turbo"];
    const gen = rootPackage.devDependencies["@turbo/gen"];
    expect(turbo, "pin turbo and @turbo/gen to the same exact version in the root package.json").toBe(gen);
    expect(turbo).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(await readFile(require.resolve("@turbo/gen/package.json"), "utf8")) as {
      version: string;
    };
    expect(installed.version).toBe(gen);
  });

  it("creates every file of a complete package, and a changeset", async () => {
    const activation = join(workspace, "packages/activation-scaffold-probe");
    const pkg = JSON.parse(await readFile(join(activation, "package.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(pkg["name"]).toBe("@stepwise/activation-scaffold-probe");
    expect(pkg["exports"]).toEqual({
      ".": { "@stepwise/source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" },
    });
    const source = await readFile(join(activation, "src/index.ts"), "utf8");
    expect(source.match(/defineActivation\(/g)).toHaveLength(1);
    expect(source).toContain('name: "scaffold_probe"');
    const test = await readFile(join(activation, "test/index.test.ts"), "utf8");
    expect(test.split("\n").filter((l) => l.startsWith("runActivationContract("))).toEqual([
      "runActivationContract(scaffold_probe);",
    ]);
    for (const file of ["tsconfig.json", "tsconfig.build.json", "README.md"])
      expect((await readFile(join(activation, file), "utf8")).length).toBeGreaterThan(0);
    expect(await readFile(join(workspace, ".changeset/add-activation-scaffold-probe.md"), "utf8")).toBe(
      '---\n"@stepwise/activation-scaffold-probe": minor\n---\n\nNew package: `scaffold_probe`, bent identity: (sqrt(z^2 + 1) - 1)/2 + z.\n',
    );
    const cost = await readFile(join(workspace, "packages/cost-scaffold-probe-cost/src/index.ts"), "utf8");
    expect(cost.match(/defineCost\(/g)).toHaveLength(1);
    expect(cost).toContain("description: 'a \"quoted\" */ description'");
  });

  it("the generated packages pass their contract tests", async () => {
    const report = join(workspace, "vitest-report.json");
    const ran = await timed("vitest", () =>
      exec(
        process.execPath,
        [
          join(workspace, "node_modules/vitest/vitest.mjs"),
          "run",
          "--project",
          "@stepwise/activation-scaffold-probe",
          "--project",
          "@stepwise/cost-scaffold-probe-cost",
          "--reporter=json",
          `--outputFile=${report}`,
        ],
        workspace,
      ),
    );
    expectOk(ran, "vitest on the generated packages");
    const results = JSON.parse(await readFile(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: Array<{ assertionResults: Array<{ ancestorTitles: string[] }> }>;
    };
    expect(results.numFailedTests).toBe(0);
    const suites = new Set(
      results.testResults.flatMap((f) => f.assertionResults.map((a) => a.ancestorTitles[0])),
    );
    expect(suites).toEqual(
      new Set(["activation contract: scaffold_probe", "cost contract: scaffold_probe_cost"]),
    );
    expect(results.numPassedTests).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it("the generated packages type-check and pass biome as generated (the repository's CI would accept them)", async () => {
    const tsc = join(workspace, "node_modules/typescript/bin/tsc");
    const dirs = ["packages/activation-scaffold-probe", "packages/cost-scaffold-probe-cost"];
    const checked = await timed("tsc", () =>
      Promise.all(
        dirs.map((dir) => exec(process.execPath, [tsc, "-p", `${dir}/tsconfig.json`, "--noEmit"], workspace)),
      ),
    );
    checked.forEach((ran, i) => {
      expectOk(ran, `tsc ${dirs[i]}`);
    });
    const biome = join(workspace, "node_modules/@biomejs/biome/bin/biome");
    expectOk(
      await timed("biome", () =>
        exec(
          process.execPath,
          [
            biome,
            "ci",
            "--error-on-warnings",
            "--vcs-enabled=false",
            "packages/activation-scaffold-probe",
            "packages/cost-scaffold-probe-cost",
          ],
          workspace,
        ),
      ),
      "biome ci on the generated packages",
    );
  }, 120_000);

  it("the generated packages are ready to publish (LICENSE, engines, repository, …: scripts/check-packages.mjs)", async () => {
    expectOk(
      await exec(process.execPath, [join(workspace, "scripts/check-packages.mjs")], workspace),
      "node scripts/check-packages.mjs in the copy",
    );
  });

  it("refuses a name that is not snake_case or already taken, creating nothing", async () => {
    const bad = await generate(workspace, "activation", ["LeakyReLU", ""]);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('"LeakyReLU" is not a snake_case name');
    const taken = await generate(workspace, "activation", ["scaffold_probe", ""]);
    expect(taken.code).not.toBe(0);
    expect(taken.output).toContain("packages/activation-scaffold-probe already exists");
  });
});
