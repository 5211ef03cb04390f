import { mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { StepwiseError } from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { CATVNONCAT_H5_FILES } from "./catvnoncat.js";
import { readBytes, sha256Hex, writeFileAtomic } from "./files.js";
import { dataError, describeError } from "./ndarray.js";

/** What a good copy of each course file is (from the repository's datasets/catvnoncat/SHA256SUMS). */
export interface Checksum {
  readonly bytes: number;
  readonly sha256: string;
}

export const CATVNONCAT_CHECKSUMS: Readonly<Record<string, Checksum>> = {
  "train_catvnoncat.h5": {
    bytes: 2_572_022,
    sha256: "fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242",
  },
  "test_catvnoncat.h5": {
    bytes: 616_958,
    sha256: "6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951",
  },
  "train_x.npy": {
    bytes: 2_568_320,
    sha256: "d932dc61822ab3a896f6fe18906bc300e642d8b05724e36390979781bf8fea4d",
  },
  "train_y.npy": { bytes: 1_800, sha256: "a7a8f6b5f3efd0936f253b87fb3782ad5dc079f176571a7adb050c0d65c6ad77" },
  "test_x.npy": {
    bytes: 614_528,
    sha256: "20aee0020387b178e859ae0fdf8680ff84f7cb8a32aca76100efee7fb298daf1",
  },
  "test_y.npy": { bytes: 528, sha256: "12ca0c8ffe7f6e3ac7c4a9e2f0897c12463bd063d934bb95f01e92242a296c47" },
};

/**
 * Public copies of the course's `datasets/` folder (base URLs; the file name is appended). Most are
 * pinned to a commit so their content cannot drift; whatever they serve, the SHA-256 decides.
 */
export const CATVNONCAT_MIRRORS: ReadonlyArray<string> = [
  "https://raw.githubusercontent.com/ramakris/coursera-deeplearning/master/neuralnetworks/week4/datasets/",
  "https://raw.githubusercontent.com/ramakris/coursera-deeplearning/b1c8f954b5711f918c75f764138837bbe1b3f7fc/datasets/",
  "https://raw.githubusercontent.com/Youngyi/DeepLearning/dff21304241c5e651d4a6680cba6e23c3990e915/datasets/",
  "https://raw.githubusercontent.com/giuseppefutia/word2vec/d11195fa8f20367a8ec767c603450592d6f53f20/datasets/",
  "https://raw.githubusercontent.com/aromito7/HUPS/2f73a5aeca472f0d85ce6edaf840d876da60c60f/datasets/",
  "https://raw.githubusercontent.com/nb137/NNandDL/6eb735a30ee65ab995d2de5b8a3a04dfbf5ee597/",
  "https://raw.githubusercontent.com/DaJunn/Andrew-NG/3c0676e7bd1a196987d1f4468aafb14be97f258f/",
];

/** `./data/catvnoncat`, relative to the working directory. */
export const DEFAULT_DATA_DIR = join("data", "catvnoncat");
export const DATA_DIR_ENV = "STEPWISE_DATA_DIR";

export type FetchLike = (url: string, init: { readonly signal: AbortSignal }) => Promise<Response>;

export interface FetchOptions {
  /** Where the files go (created if missing). */
  readonly destDir: string;
  /** Base URLs tried in order; default CATVNONCAT_MIRRORS. */
  readonly mirrors?: ReadonlyArray<string>;
  /** Copy from this local folder instead of downloading (`stepwise data fetch --from DIR`). */
  readonly from?: string;
  /** Default: the global `fetch`. */
  readonly fetchImpl?: FetchLike;
  /** Per request, default 30 s. */
  readonly timeoutMs?: number;
  /** Default: the two .h5 files. */
  readonly files?: ReadonlyArray<string>;
  /** One line per attempt, for a CLI to show progress. */
  readonly log?: (line: string) => void;
}

export interface FetchedFile {
  readonly name: string;
  readonly path: string;
  /** "present" when a verified copy was already there, else the URL or local path it came from. */
  readonly source: string;
}

export interface FetchResult {
  readonly dir: string;
  readonly files: ReadonlyArray<FetchedFile>;
}

/** Why `bytes` is not the expected file, or undefined when it is. */
export const checksumMismatch = (bytes: Uint8Array, expected: Checksum): string | undefined => {
  const sha = sha256Hex(bytes);
  if (bytes.length === expected.bytes && sha === expected.sha256) return undefined;
  const hint = bytes.length < expected.bytes ? " (a truncated copy)" : "";
  return `got ${bytes.length} bytes with SHA-256 ${sha.slice(0, 16)}…, expected ${expected.bytes} bytes with SHA-256 ${expected.sha256.slice(0, 16)}…${hint}`;
};

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
};

const isVerified = async (path: string, expected: Checksum): Promise<boolean> => {
  const bytes = await readBytes(path);
  return E.isRight(bytes) && checksumMismatch(bytes.right, expected) === undefined;
};

const describeFetchError = (e: unknown, timeoutMs: number): string => {
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError"))
    return `timed out after ${timeoutMs / 1000} s`;
  const cause = e instanceof Error ? e.cause : undefined;
  return `network error: ${describeError(e)}${cause === undefined ? "" : ` (${describeError(cause)})`}`;
};

/** Downloads one URL; Left is the reason it is unusable. Verification, not the HTTP status, decides. */
const download = async (
  url: string,
  expected: Checksum,
  fetchImpl: FetchLike,
  timeoutMs: number,
): Promise<E.Either<string, Uint8Array>> => {
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) {
      await res.body?.cancel();
      return E.left(`HTTP ${res.status}${res.statusText === "" ? "" : ` ${res.statusText}`}`);
    }
    const length = Number(res.headers.get("content-length") ?? Number.NaN);
    if (length > expected.bytes) {
      await res.body?.cancel();
      return E.left(`serves ${length} bytes, expected ${expected.bytes}`);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const bad = checksumMismatch(bytes, expected);
    return bad === undefined ? E.right(bytes) : E.left(bad);
  } catch (e) {
    return E.left(describeFetchError(e, timeoutMs));
  }
};

/** Reads a local copy; Left is the reason it is unusable. */
const copyLocal = async (path: string, expected: Checksum): Promise<E.Either<string, Uint8Array>> => {
  const bytes = await readBytes(path);
  if (E.isLeft(bytes)) return E.left(bytes.left.message);
  const bad = checksumMismatch(bytes.right, expected);
  return bad === undefined ? E.right(bytes.right) : E.left(`not the course's file: ${bad}`);
};

interface Attempt {
  readonly source: string;
  readonly reason: string;
}

/** One file: kept if already verified, else the first source whose bytes verify, written atomically. */
const obtain = async (
  name: string,
  options: FetchOptions,
  dir: string,
): Promise<E.Either<ReadonlyArray<Attempt>, FetchedFile>> => {
  const path = join(dir, name);
  const expected = CATVNONCAT_CHECKSUMS[name];
  if (expected === undefined)
    return E.left([
      { source: name, reason: `unknown file; known: ${Object.keys(CATVNONCAT_CHECKSUMS).join(", ")}` },
    ]);
  const log = options.log ?? (() => undefined);
  if (await isVerified(path, expected)) {
    log(`${path}: already present and verified`);
    return E.right({ name, path, source: "present" });
  }
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sources =
    options.from === undefined
      ? (options.mirrors ?? CATVNONCAT_MIRRORS).map((base) => {
          const url = joinUrl(base, name);
          return { source: url, get: () => download(url, expected, fetchImpl, timeoutMs) };
        })
      : [join(resolve(options.from), name)].map((file) => ({
          source: file,
          get: () => copyLocal(file, expected),
        }));
  const attempts: Attempt[] = [];
  for (const { source, get } of sources) {
    log(`${name}: trying ${source}`);
    const got = await get();
    if (E.isLeft(got)) {
      log(`${name}: ${source}: ${got.left}`);
      attempts.push({ source, reason: got.left });
      continue;
    }
    // The folder is made only once there is a verified file to put in it.
    const written = await mkdir(dir, { recursive: true }).then(
      () => writeFileAtomic(path, got.right),
      (e: unknown) => E.left(dataError(`cannot create the data folder ${dir}: ${describeError(e)}`)),
    );
    if (E.isLeft(written)) return E.left([...attempts, { source, reason: written.left.message }]);
    log(`${path}: verified (SHA-256 ${expected.sha256.slice(0, 16)}…)`);
    return E.right({ name, path, source });
  }
  return E.left(attempts);
};

const joinUrl = (base: string, name: string): string =>
  base.endsWith("/") ? base + name : `${base}/${name}`;

const manualHelp = (dir: string, files: ReadonlyArray<string>): string =>
  [
    `Put the files there by hand (from the course's "datasets" folder; their SHA-256 must match):`,
    ...files.map((f) => `  ${join(dir, f)}  sha256 ${CATVNONCAT_CHECKSUMS[f]?.sha256 ?? "?"}`),
    `or point Stepwise at a folder that has them: set ${DATA_DIR_ENV}=/path/to/folder or pass --data /path/to/folder,`,
    "or copy and verify them with: stepwise data fetch --from /path/to/folder",
  ].join("\n");

/**
 * Makes sure `destDir` holds verified copies of the course files: keeps those already there, else
 * downloads them from the mirrors in order (or copies them from `from`). Each file is checked against its
 * built-in SHA-256 before it is renamed into place, so `destDir` never holds a partial or wrong file.
 */
export const fetchCatvnoncat = async (
  options: FetchOptions,
): Promise<E.Either<StepwiseError, FetchResult>> => {
  const dir = resolve(options.destDir);
  const files = options.files ?? CATVNONCAT_H5_FILES;
  const fetched: FetchedFile[] = [];
  const failures: string[] = [];
  for (const name of files) {
    const outcome = await obtain(name, options, dir);
    if (E.isRight(outcome)) fetched.push(outcome.right);
    else
      failures.push(
        [
          `${name}:`,
          ...(outcome.left.length === 0
            ? ["  no mirrors given"]
            : outcome.left.map((a) => `  ${a.source}: ${a.reason}`)),
        ].join("\n"),
      );
  }
  if (failures.length > 0) {
    const how = options.from === undefined ? "download" : `copy from ${resolve(options.from)}`;
    return E.left(
      dataError(
        [`could not ${how} the catvnoncat data into ${dir}.`, ...failures, manualHelp(dir, files)].join("\n"),
      ),
    );
  }
  return E.right({ dir, files: fetched });
};

export interface ResolveOptions {
  /** The `--data DIR` flag, if given. */
  readonly flag?: string;
  /** Default `process.env`; `STEPWISE_DATA_DIR` is read from it. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default `process.cwd()`; relative folders resolve against it. */
  readonly cwd?: string;
  /**
   * Folders to walk up from, in order, to a pnpm workspace (a folder holding pnpm-workspace.yaml) whose
   * `datasets/catvnoncat` holds the files; default `[cwd]`. The CLI passes the working directory and its
   * own location, so a checkout of the Stepwise repository trains on the copy of the data it holds.
   */
  readonly searchFrom?: ReadonlyArray<string>;
}

/** Where the data comes from; "download" means `dir` is `./data/catvnoncat` and lacks the files. */
export interface DataDirChoice {
  readonly dir: string;
  readonly source: "flag" | "env" | "default" | "workspace" | "download";
}

/**
 * The course's files inside a workspace, relative to its root: the Stepwise repository holds them in
 * `<root>/datasets/catvnoncat`, so a clone trains without network.
 */
export const WORKSPACE_DATA_DIR = join("datasets", "catvnoncat");

const missingFiles = async (dir: string): Promise<ReadonlyArray<string>> => {
  const present = await Promise.all(CATVNONCAT_H5_FILES.map((f) => isFile(join(dir, f))));
  return CATVNONCAT_H5_FILES.filter((_, i) => present[i] !== true);
};

/** The nearest folder at or above `start` holding pnpm-workspace.yaml. */
const findWorkspaceRoot = async (start: string): Promise<string | undefined> => {
  const dir = resolve(start);
  if (await isFile(join(dir, "pnpm-workspace.yaml"))) return dir;
  const parent = dirname(dir);
  return parent === dir ? undefined : findWorkspaceRoot(parent);
};

/** The first `<workspace root>/datasets/catvnoncat` holding the files, walking up from each start in turn. */
const workspaceDataDir = async (starts: ReadonlyArray<string>): Promise<string | undefined> => {
  for (const start of starts) {
    const root = await findWorkspaceRoot(start);
    const dir = root === undefined ? undefined : join(root, WORKSPACE_DATA_DIR);
    if (dir !== undefined && (await missingFiles(dir)).length === 0) return dir;
  }
  return undefined;
};

/**
 * Finds the data folder: `--data DIR`, else `$STEPWISE_DATA_DIR`, else `./data/catvnoncat` when it holds
 * the files, else the workspace's `datasets/catvnoncat` when it does (see `searchFrom`), else
 * `./data/catvnoncat` marked "download". A folder named explicitly must hold the files: a typo should not
 * trigger a download somewhere unexpected.
 */
export const resolveDataDir = async (
  options: ResolveOptions = {},
): Promise<E.Either<StepwiseError, DataDirChoice>> => {
  const cwd = options.cwd ?? process.cwd();
  const envDir = (options.env ?? process.env)[DATA_DIR_ENV];
  const named: ReadonlyArray<readonly [string, "flag" | "env", string]> = [
    ...(options.flag === undefined ? [] : [[options.flag, "flag", "--data"] as const]),
    ...(envDir === undefined || envDir === "" ? [] : [[envDir, "env", DATA_DIR_ENV] as const]),
  ];
  const first = named[0];
  if (first !== undefined) {
    const [given, source, how] = first;
    const dir = resolve(cwd, given);
    const missing = await missingFiles(dir);
    return missing.length === 0
      ? E.right({ dir, source })
      : E.left(
          dataError(
            `${how} ${given}: ${dir} has no ${missing.join(" and no ")}. The folder must hold train_catvnoncat.h5 and test_catvnoncat.h5 (the course's "datasets" folder); "stepwise data fetch" downloads them into ./${DEFAULT_DATA_DIR}.`,
          ),
        );
  }
  const dir = resolve(cwd, DEFAULT_DATA_DIR);
  if ((await missingFiles(dir)).length === 0) return E.right({ dir, source: "default" });
  const inWorkspace = await workspaceDataDir(
    (options.searchFrom ?? [cwd]).map((start) => resolve(cwd, start)),
  );
  if (inWorkspace !== undefined) return E.right({ dir: inWorkspace, source: "workspace" });
  return E.right({ dir, source: "download" });
};

/** `resolveDataDir`, then `fetchCatvnoncat` into `./data/catvnoncat` when the files are nowhere: the folder to load. */
export const findOrFetchCatvnoncat = async (
  options: ResolveOptions & Omit<FetchOptions, "destDir" | "from"> = {},
): Promise<E.Either<StepwiseError, string>> => {
  const choice = await resolveDataDir(options);
  if (E.isLeft(choice)) return choice;
  if (choice.right.source !== "download") return E.right(choice.right.dir);
  const fetched = await fetchCatvnoncat({ ...options, destDir: choice.right.dir });
  return E.map((r: FetchResult) => r.dir)(fetched);
};
