import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBytes, sha256Hex, writeFileAtomic } from "../src/files.js";
import { describeError } from "../src/ndarray.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stepwise-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sha256Hex", () => {
  it("is the standard SHA-256 (FIPS 180-2 test vector for 'abc')", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("writeFileAtomic", () => {
  it("writes, then replaces, leaving no temp file", async () => {
    const path = join(dir, "a.bin");
    expect(await writeFileAtomic(path, Uint8Array.from([1, 2, 3]))).toEqual(E.right(path));
    expect(await writeFileAtomic(path, Uint8Array.from([4, 5]))).toEqual(E.right(path));
    expect(Array.from(await readFile(path))).toEqual([4, 5]);
    expect(await readdir(dir)).toEqual(["a.bin"]);
  });

  it("returns a DataError naming the path when the folder does not exist", async () => {
    const path = join(dir, "no", "such", "b.bin");
    const result = await writeFileAtomic(path, Uint8Array.from([1]));
    expect(result).toEqual(
      E.left({
        _tag: "DataError",
        message: expect.stringMatching(new RegExp(`^cannot write ${path}: ENOENT`)),
      }),
    );
  });
});

describe("readBytes", () => {
  it("reads a file and names a missing one", async () => {
    await writeFile(join(dir, "c.bin"), Uint8Array.from([9, 8]));
    expect(E.map((b: Uint8Array) => Array.from(b))(await readBytes(join(dir, "c.bin")))).toEqual(
      E.right([9, 8]),
    );
    expect(await readBytes(join(dir, "missing"))).toEqual(
      E.left({ _tag: "DataError", message: expect.stringMatching(/^cannot read .*missing: ENOENT: /) }),
    );
  });
});

describe("describeError", () => {
  it("puts the errno code first and passes strings through", () => {
    const e = Object.assign(new Error("permission denied"), { code: "EACCES" });
    expect(describeError(e)).toBe("EACCES: permission denied");
    expect(describeError(new Error("plain"))).toBe("plain");
    expect(describeError("thrown string")).toBe("thrown string");
  });
});
