import { readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CATVNONCAT_CHECKSUMS,
  checksumMismatch,
  DEFAULT_DATA_DIR,
  fetchCatvnoncat,
  findOrFetchCatvnoncat,
  resolveDataDir,
} from "../src/fetch.js";
import { sha256Hex } from "../src/files.js";

/** The course's files, as the repository holds them. */
const DATASET = join(import.meta.dirname, "../../../datasets/catvnoncat");
const FILES = {
  "train_catvnoncat.h5": readFileSync(join(DATASET, "train_catvnoncat.h5")),
  "test_catvnoncat.h5": readFileSync(join(DATASET, "test_catvnoncat.h5")),
} as const;
const isCourseFile = (name: string): name is keyof typeof FILES => name in FILES;

// A local mirror: /good/ serves the real files, /truncated/ their first 8 KB with status 200 (as some
// public mirrors do), /html/ an error page with status 200, /missing/ 404s, /hang/ never answers.
let server: Server;
let base: string;
let requests: string[] = [];
let closedPort: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "/";
    requests.push(url);
    const [, kind, name = ""] = url.split("/");
    if (kind === "hang") return;
    if (kind === "missing" || !isCourseFile(name)) {
      res.writeHead(404, "Not Found").end("404: Not Found");
      return;
    }
    const body =
      kind === "truncated"
        ? FILES[name].subarray(0, 8192)
        : kind === "html"
          ? Buffer.from("<html>moved</html>")
          : FILES[name];
    res
      .writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: connecting to it is refused.
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((done) => probe.close(done));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

let work: string;
let cases = 0;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "stepwise-fetch-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  requests = [];
});

const freshDir = async (): Promise<string> => {
  const dir = join(work, `case-${cases++}`);
  await mkdir(dir, { recursive: true });
  return dir;
};

const right = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const errorOf = (result: E.Either<{ readonly _tag: string; readonly message: string }, unknown>): string => {
  if (E.isRight(result)) throw new Error("expected an error");
  expect(result.left._tag).toBe("DataError");
  return result.left.message;
};

describe("the built-in checksums", () => {
  it("are those of datasets/catvnoncat/SHA256SUMS and the real files' sizes", () => {
    const sums = readFileSync(join(DATASET, "SHA256SUMS"), "utf8").trim().split("\n");
    for (const line of sums) {
      const [sha, name = ""] = line.split(/\s+/);
      expect(CATVNONCAT_CHECKSUMS[name]).toEqual({
        sha256: sha,
        bytes: readFileSync(join(DATASET, name)).length,
      });
    }
    expect(Object.keys(CATVNONCAT_CHECKSUMS).length).toBe(sums.length);
  });

  it("accept the real file and reject an 8 KB copy", () => {
    const good = CATVNONCAT_CHECKSUMS["train_catvnoncat.h5"];
    if (good === undefined) throw new Error("no checksum");
    expect(checksumMismatch(FILES["train_catvnoncat.h5"], good)).toBeUndefined();
    expect(checksumMismatch(FILES["train_catvnoncat.h5"].subarray(0, 8192), good)).toMatch(
      /^got 8192 bytes with SHA-256 [0-9a-f]{16}…, expected 2572022 bytes with SHA-256 fbe56ab67c3ae28d… \(a truncated copy\)$/,
    );
  });
});

describe("fetchCatvnoncat from mirrors", () => {
  it("skips a mirror serving truncated files and takes the next good one", async () => {
    const dest = await freshDir();
    const log: string[] = [];
    const result = right(
      await fetchCatvnoncat({
        destDir: dest,
        mirrors: [`${base}/truncated/`, `${base}/good`],
        log: (line) => log.push(line),
      }),
    );
    expect(result.files.map((f) => [f.name, f.source])).toEqual([
      ["train_catvnoncat.h5", `${base}/good/train_catvnoncat.h5`],
      ["test_catvnoncat.h5", `${base}/good/test_catvnoncat.h5`],
    ]);
    expect(requests).toEqual([
      "/truncated/train_catvnoncat.h5",
      "/good/train_catvnoncat.h5",
      "/truncated/test_catvnoncat.h5",
      "/good/test_catvnoncat.h5",
    ]);
    // Only the two verified files, no temp files left behind.
    expect((await readdir(dest)).sort()).toEqual(["test_catvnoncat.h5", "train_catvnoncat.h5"]);
    expect(sha256Hex(await readFile(join(dest, "train_catvnoncat.h5")))).toBe(
      CATVNONCAT_CHECKSUMS["train_catvnoncat.h5"]?.sha256,
    );
    expect(log.some((l) => l.includes("a truncated copy"))).toBe(true);
  });

  it("does not download a file that is already there and verified", async () => {
    const dest = await freshDir();
    await copyFile(join(DATASET, "train_catvnoncat.h5"), join(dest, "train_catvnoncat.h5"));
    const result = right(await fetchCatvnoncat({ destDir: dest, mirrors: [`${base}/good/`] }));
    expect(result.files.map((f) => f.source)).toEqual(["present", `${base}/good/test_catvnoncat.h5`]);
    expect(requests).toEqual(["/good/test_catvnoncat.h5"]);
    // A second run touches no mirror at all.
    requests = [];
    right(await fetchCatvnoncat({ destDir: dest, mirrors: [`${base}/good/`] }));
    expect(requests).toEqual([]);
  });

  it("replaces a truncated file already in the folder", async () => {
    const dest = await freshDir();
    await writeFile(join(dest, "train_catvnoncat.h5"), FILES["train_catvnoncat.h5"].subarray(0, 8192));
    right(await fetchCatvnoncat({ destDir: dest, mirrors: [`${base}/good/`] }));
    expect((await readFile(join(dest, "train_catvnoncat.h5"))).length).toBe(2572022);
  });

  it("when every mirror is bad, says which URLs failed and why, where to put the files, and leaves nothing", async () => {
    const dest = join(await freshDir(), "data", "catvnoncat");
    const refused = `http://127.0.0.1:${closedPort}/datasets/`;
    const message = errorOf(
      await fetchCatvnoncat({
        destDir: dest,
        mirrors: [`${base}/missing/`, `${base}/truncated/`, `${base}/html/`, refused],
      }),
    );
    expect(message).toContain(`could not download the catvnoncat data into ${dest}.`);
    expect(message).toContain(`${base}/missing/train_catvnoncat.h5: HTTP 404 Not Found`);
    expect(message).toMatch(
      new RegExp(
        `${base}/truncated/test_catvnoncat\\.h5: got 8192 bytes .* expected 616958 bytes .*\\(a truncated copy\\)`,
      ),
    );
    expect(message).toContain(`${base}/html/train_catvnoncat.h5: got 18 bytes`);
    expect(message).toMatch(new RegExp(`${refused}train_catvnoncat\\.h5: network error: .*ECONNREFUSED`));
    expect(message).toContain(
      `  ${join(dest, "train_catvnoncat.h5")}  sha256 fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242`,
    );
    expect(message).toContain(
      `  ${join(dest, "test_catvnoncat.h5")}  sha256 6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951`,
    );
    expect(message).toContain("set STEPWISE_DATA_DIR=/path/to/folder or pass --data /path/to/folder");
    expect(message).toContain("stepwise data fetch --from /path/to/folder");
    // Not even the folder is made when nothing could be verified.
    await expect(readdir(dest)).rejects.toThrow(/ENOENT/);
  });

  it("gives up on a mirror that does not answer in time", async () => {
    const dest = await freshDir();
    const message = errorOf(
      await fetchCatvnoncat({
        destDir: dest,
        mirrors: [`${base}/hang/`],
        timeoutMs: 200,
        files: ["test_catvnoncat.h5"],
      }),
    );
    expect(message).toContain(`${base}/hang/test_catvnoncat.h5: timed out after 0.2 s`);
    expect(await readdir(dest)).toEqual([]);
  });

  it("uses the fetch it is given", async () => {
    const dest = await freshDir();
    const seen: string[] = [];
    const message = errorOf(
      await fetchCatvnoncat({
        destDir: dest,
        mirrors: ["https://mirror.invalid/datasets"],
        files: ["test_catvnoncat.h5"],
        fetchImpl: async (url) => {
          seen.push(url);
          throw new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND mirror.invalid") });
        },
      }),
    );
    expect(seen).toEqual(["https://mirror.invalid/datasets/test_catvnoncat.h5"]);
    expect(message).toContain("network error: fetch failed (getaddrinfo ENOTFOUND mirror.invalid)");
  });
});

describe("fetchCatvnoncat --from a local folder", () => {
  it("copies and verifies the files", async () => {
    const dest = await freshDir();
    const result = right(await fetchCatvnoncat({ destDir: dest, from: DATASET }));
    expect(result.files.map((f) => f.source)).toEqual([
      join(DATASET, "train_catvnoncat.h5"),
      join(DATASET, "test_catvnoncat.h5"),
    ]);
    expect((await readdir(dest)).sort()).toEqual(["test_catvnoncat.h5", "train_catvnoncat.h5"]);
    expect(requests).toEqual([]);
  });

  it("refuses a wrong or missing file and copies nothing unverified", async () => {
    const from = await freshDir();
    await writeFile(join(from, "train_catvnoncat.h5"), FILES["train_catvnoncat.h5"].subarray(0, 8192));
    const dest = await freshDir();
    const message = errorOf(await fetchCatvnoncat({ destDir: dest, from }));
    expect(message).toContain(`could not copy from ${from} the catvnoncat data into ${dest}.`);
    expect(message).toMatch(
      /train_catvnoncat\.h5: not the course's file: got 8192 bytes .*\(a truncated copy\)/,
    );
    expect(message).toMatch(/test_catvnoncat\.h5: cannot read .*: ENOENT/);
    expect(await readdir(dest)).toEqual([]);
  });
});

describe("resolveDataDir", () => {
  const withFiles = async (): Promise<string> => {
    const dir = await freshDir();
    await copyFile(join(DATASET, "train_catvnoncat.h5"), join(dir, "train_catvnoncat.h5"));
    await copyFile(join(DATASET, "test_catvnoncat.h5"), join(dir, "test_catvnoncat.h5"));
    return dir;
  };

  it("takes --data first, relative to cwd", async () => {
    const dir = await withFiles();
    const envDir = await withFiles();
    expect(await resolveDataDir({ flag: dir, env: { STEPWISE_DATA_DIR: envDir }, cwd: "/" })).toEqual(
      E.right({ dir, source: "flag" }),
    );
    expect(await resolveDataDir({ flag: "..", env: {}, cwd: join(dir, "sub") })).toEqual(
      E.right({ dir, source: "flag" }),
    );
  });

  it("then STEPWISE_DATA_DIR (an empty value counts as unset)", async () => {
    const envDir = await withFiles();
    const cwd = await freshDir();
    expect(await resolveDataDir({ env: { STEPWISE_DATA_DIR: envDir }, cwd })).toEqual(
      E.right({ dir: envDir, source: "env" }),
    );
    expect(await resolveDataDir({ env: { STEPWISE_DATA_DIR: "" }, cwd })).toEqual(
      E.right({ dir: join(cwd, DEFAULT_DATA_DIR), source: "download" }),
    );
  });

  it("then ./data/catvnoncat if it holds the files, else marks it for download", async () => {
    const cwd = await freshDir();
    expect(await resolveDataDir({ env: {}, cwd })).toEqual(
      E.right({ dir: join(cwd, "data", "catvnoncat"), source: "download" }),
    );
    await mkdir(join(cwd, "data", "catvnoncat"), { recursive: true });
    await copyFile(
      join(DATASET, "train_catvnoncat.h5"),
      join(cwd, "data", "catvnoncat", "train_catvnoncat.h5"),
    );
    expect(await resolveDataDir({ env: {}, cwd })).toEqual(
      E.right({ dir: join(cwd, "data", "catvnoncat"), source: "download" }),
    );
    await copyFile(
      join(DATASET, "test_catvnoncat.h5"),
      join(cwd, "data", "catvnoncat", "test_catvnoncat.h5"),
    );
    expect(await resolveDataDir({ env: {}, cwd })).toEqual(
      E.right({ dir: join(cwd, "data", "catvnoncat"), source: "default" }),
    );
  });

  /** A fresh pnpm workspace (a folder with pnpm-workspace.yaml), with the course files in datasets/catvnoncat or not. */
  const workspace = async (withData: boolean): Promise<string> => {
    const root = await freshDir();
    await writeFile(join(root, "pnpm-workspace.yaml"), 'packages:\n  - "packages/*"\n');
    await mkdir(join(root, "packages", "cli", "src"), { recursive: true });
    if (withData) {
      await mkdir(join(root, "datasets", "catvnoncat"), { recursive: true });
      for (const f of ["train_catvnoncat.h5", "test_catvnoncat.h5"])
        await copyFile(join(DATASET, f), join(root, "datasets", "catvnoncat", f));
    }
    return root;
  };

  it("then the workspace's datasets/catvnoncat, walking up from cwd to pnpm-workspace.yaml, before downloading", async () => {
    const root = await workspace(true);
    const cwd = join(root, "packages", "cli");
    expect(await resolveDataDir({ env: {}, cwd })).toEqual(
      E.right({ dir: join(root, "datasets", "catvnoncat"), source: "workspace" }),
    );
    // ./data/catvnoncat still comes first when it holds the files.
    await mkdir(join(cwd, "data", "catvnoncat"), { recursive: true });
    for (const f of ["train_catvnoncat.h5", "test_catvnoncat.h5"])
      await copyFile(join(DATASET, f), join(cwd, "data", "catvnoncat", f));
    expect(await resolveDataDir({ env: {}, cwd })).toEqual(
      E.right({ dir: join(cwd, "data", "catvnoncat"), source: "default" }),
    );
  });

  it("walks up from each searchFrom folder in turn, passing over a workspace without the files", async () => {
    const empty = await workspace(false);
    const full = await workspace(true);
    const cwd = join(empty, "packages", "cli");
    expect(await resolveDataDir({ env: {}, cwd })).toEqual(
      E.right({ dir: join(cwd, "data", "catvnoncat"), source: "download" }),
    );
    expect(
      await resolveDataDir({ env: {}, cwd, searchFrom: [cwd, join(full, "packages", "cli", "src")] }),
    ).toEqual(E.right({ dir: join(full, "datasets", "catvnoncat"), source: "workspace" }));
    // Relative starts resolve against cwd.
    expect(await resolveDataDir({ env: {}, cwd: full, searchFrom: ["packages/cli"] })).toEqual(
      E.right({ dir: join(full, "datasets", "catvnoncat"), source: "workspace" }),
    );
  });

  it("finds this repository's copy from a module inside it, whatever the working directory", async () => {
    const cwd = await freshDir();
    expect(await resolveDataDir({ env: {}, cwd, searchFrom: [cwd, import.meta.dirname] })).toEqual(
      E.right({ dir: DATASET, source: "workspace" }),
    );
  });

  it("does not look beside the checkout (../shared/datasets/catvnoncat): a clone has no such folder", async () => {
    const root = await freshDir();
    const cwd = join(root, "repo");
    await mkdir(join(root, "shared", "datasets", "catvnoncat"), { recursive: true });
    await mkdir(cwd);
    for (const f of ["train_catvnoncat.h5", "test_catvnoncat.h5"])
      await copyFile(join(DATASET, f), join(root, "shared", "datasets", "catvnoncat", f));
    expect(await resolveDataDir({ env: {}, cwd })).toEqual(
      E.right({ dir: join(cwd, "data", "catvnoncat"), source: "download" }),
    );
  });

  it("names what is missing in a folder given explicitly, instead of downloading elsewhere", async () => {
    const dir = await freshDir();
    await copyFile(join(DATASET, "test_catvnoncat.h5"), join(dir, "test_catvnoncat.h5"));
    expect(errorOf(await resolveDataDir({ flag: dir, env: {} }))).toBe(
      `--data ${dir}: ${dir} has no train_catvnoncat.h5. The folder must hold train_catvnoncat.h5 and test_catvnoncat.h5 (the course's "datasets" folder); "stepwise data fetch" downloads them into ./data/catvnoncat.`,
    );
    expect(errorOf(await resolveDataDir({ env: { STEPWISE_DATA_DIR: "/nonexistent" } }))).toMatch(
      /^STEPWISE_DATA_DIR \/nonexistent: \/nonexistent has no train_catvnoncat\.h5 and no test_catvnoncat\.h5\./,
    );
  });
});

describe("findOrFetchCatvnoncat", () => {
  it("downloads into ./data/catvnoncat when the files are nowhere, then finds them there", async () => {
    const cwd = await freshDir();
    const dir = right(await findOrFetchCatvnoncat({ env: {}, cwd, mirrors: [`${base}/good/`] }));
    expect(dir).toBe(join(cwd, "data", "catvnoncat"));
    expect(requests.length).toBe(2);
    requests = [];
    expect(right(await findOrFetchCatvnoncat({ env: {}, cwd, mirrors: [`${base}/good/`] }))).toBe(dir);
    expect(requests).toEqual([]);
  });

  it("passes on the download error", async () => {
    const cwd = await freshDir();
    const message = errorOf(await findOrFetchCatvnoncat({ env: {}, cwd, mirrors: [`${base}/missing/`] }));
    expect(message).toContain(join(cwd, "data", "catvnoncat", "train_catvnoncat.h5"));
  });
});
