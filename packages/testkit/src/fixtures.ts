import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Environment variable that overrides where the fixtures are read from. */
export const FIXTURES_DIR_ENV = "STEPWISE_FIXTURES_DIR";

/** Where to look; defaults are the real environment, the working directory and this module's folder. */
export interface FixtureLocation {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Folders to walk up from, in order, looking for pnpm-workspace.yaml. */
  readonly from?: ReadonlyArray<string>;
}

/** The nearest folder at or above `start` holding pnpm-workspace.yaml. */
export const findWorkspaceRoot = (start: string): string | undefined => {
  const dir = resolve(start);
  if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
  const parent = dirname(dir);
  return parent === dir ? undefined : findWorkspaceRoot(parent);
};

const HOW_TO_OVERRIDE = `set ${FIXTURES_DIR_ENV} to the folder holding the fixture files, e.g. ${FIXTURES_DIR_ENV}=/path/to/fixtures pnpm test`;

const startingPoints = (location: FixtureLocation): ReadonlyArray<string> =>
  location.from ?? [process.cwd(), dirname(fileURLToPath(import.meta.url))];

interface Resolved {
  readonly dir: string;
  /** How dir was found, for error messages. */
  readonly how: string;
}

const resolveDir = (location: FixtureLocation): Resolved => {
  const fromEnv = (location.env ?? process.env)[FIXTURES_DIR_ENV];
  if (fromEnv !== undefined && fromEnv !== "")
    return { dir: resolve(fromEnv), how: `from ${FIXTURES_DIR_ENV}` };
  const starts = startingPoints(location);
  for (const start of starts) {
    const root = findWorkspaceRoot(start);
    // The fixtures are part of the repository: <root>/fixtures.
    if (root !== undefined)
      return { dir: join(root, "fixtures"), how: `<workspace root>/fixtures, root ${root}` };
  }
  throw Object.assign(
    new Error(
      `loadFixture: cannot locate the fixtures: no pnpm-workspace.yaml at or above ${starts.join(" or ")}; ${HOW_TO_OVERRIDE}`,
    ),
    { name: "FixtureError" },
  );
};

/** The folder the fixtures are read from: $STEPWISE_FIXTURES_DIR, else `<workspace root>/fixtures`. */
export const fixturesDir = (location: FixtureLocation = {}): string => resolveDir(location).dir;

const available = (dir: string): string =>
  existsSync(dir)
    ? `; it holds ${
        readdirSync(dir)
          .filter((f) => f.endsWith(".json"))
          .join(", ") || "no .json files"
      }`
    : "; that folder does not exist";

/** A fixture file's parsed JSON, e.g. `loadFixture("torch-gradients.json")`; throws a clear error if missing. */
export const loadFixture = (name: string, location: FixtureLocation = {}): unknown => {
  const { dir, how } = resolveDir(location);
  const path = join(dir, name);
  if (!existsSync(path))
    throw Object.assign(
      new Error(
        `loadFixture: no fixture ${name} at ${path} (looked in ${how})${available(dir)}; ${HOW_TO_OVERRIDE}`,
      ),
      { name: "FixtureError" },
    );
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw Object.assign(
      new Error(`loadFixture: ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`),
      { name: "FixtureError" },
    );
  }
};
