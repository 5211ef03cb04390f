import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { jsBackend } from "@stepwise/tensor";
import { beforeAll, describe, expect, it } from "vitest";
import { createWasmBackend } from "../src/index.js";
import { chooseKernels, compileKernels, type KernelsSource, kernelsUrl } from "../src/kernels.js";
import { ensureKernels, expectParity, generator, kernels, randomMatrix } from "./helpers.js";

beforeAll(() => ensureKernels(), 180_000);

describe("chooseKernels", () => {
  const plain = new URL("https://example.org/k.wasm");
  const relaxed = new URL("https://example.org/k-relaxed.wasm");

  it("takes the package's own build/ files when no source is given, fused where relaxed SIMD validates", () => {
    expect(chooseKernels({}, true)).toEqual({ fused: true, source: kernelsUrl(true) });
    expect(chooseKernels({}, false)).toEqual({ fused: false, source: kernelsUrl(false) });
    expect(chooseKernels({ fusedMultiplyAdd: false }, true)).toEqual({
      fused: false,
      source: kernelsUrl(false),
    });
  });

  it("once a source is given, uses only the builds given", () => {
    expect(chooseKernels({ kernels: plain }, true)).toEqual({
      fused: false,
      source: plain,
      option: "kernels",
    });
    expect(chooseKernels({ kernels: plain, relaxedKernels: relaxed }, true)).toEqual({
      fused: true,
      source: relaxed,
      option: "relaxedKernels",
    });
    expect(chooseKernels({ kernels: plain, relaxedKernels: relaxed }, false)).toEqual({
      fused: false,
      source: plain,
      option: "kernels",
    });
    expect(chooseKernels({ relaxedKernels: relaxed }, true).source).toBe(relaxed);
  });

  it("says which option is missing for the build that must run", () => {
    expect(() => chooseKernels({ kernels: plain, fusedMultiplyAdd: true }, true)).toThrow(
      "createWasmBackend: fusedMultiplyAdd: true needs the relaxed-SIMD build; pass it as relaxedKernels (the file @stepwise/backend-wasm/kernels-relaxed.wasm)",
    );
    expect(() => chooseKernels({ relaxedKernels: relaxed }, false)).toThrow(
      "createWasmBackend: this runtime has no relaxed SIMD, so it needs the plain SIMD build; pass it as kernels (the file @stepwise/backend-wasm/kernels.wasm)",
    );
    expect(() => chooseKernels({ relaxedKernels: relaxed, fusedMultiplyAdd: false }, true)).toThrow(
      "createWasmBackend: fusedMultiplyAdd: false needs the plain SIMD build; pass it as kernels",
    );
  });
});

describe("compileKernels", () => {
  it("names the source when it is not the kernels' WebAssembly, and the types it takes", async () => {
    await expect(
      compileKernels({ fused: false, source: Uint8Array.of(1, 2, 3), option: "kernels" }),
    ).rejects.toThrow(
      /^@stepwise\/backend-wasm: the bytes given as kernels is not the kernels' WebAssembly \(/,
    );
    await expect(
      compileKernels({ fused: false, source: "/nonexistent/k.wasm", option: "kernels" }),
    ).rejects.toThrow("@stepwise/backend-wasm: cannot read /nonexistent/k.wasm (ENOENT");
    await expect(
      compileKernels({ fused: false, source: 42 as unknown as URL, option: "kernels" }),
    ).rejects.toThrow(
      "createWasmBackend: kernels must be a URL, a string, an ArrayBuffer, a Uint8Array or a WebAssembly.Module, got [object Number]",
    );
  });
});

describe("createWasmBackend({ kernels })", () => {
  const path = fileURLToPath(kernelsUrl(false));
  const bytes = readFileSync(path);
  const next = generator(11);
  const a = randomMatrix(next, 37, 300);
  const b = randomMatrix(next, 300, 29);
  const expected = kernels(jsBackend).matmul(a, b, false, false);

  const sources: ReadonlyArray<readonly [string, () => Promise<KernelsSource>]> = [
    ["a file URL", async () => kernelsUrl(false)],
    ["a path", async () => path],
    ["a file: URL string", async () => kernelsUrl(false).href],
    ["a Uint8Array", async () => new Uint8Array(bytes)],
    ["an ArrayBuffer", async () => Uint8Array.from(bytes).buffer],
    [
      "a compiled module",
      async () =>
        (
          globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<object> } }
        ).WebAssembly.compile(new Uint8Array(bytes)),
    ],
  ];

  it.each(sources)("takes the plain build as %s and multiplies like the js reference", async (_, source) => {
    const wasm = await createWasmBackend({ kernels: await source(), threads: 2 });
    try {
      expect(wasm.fusedMultiplyAdd).toBe(false);
      expectParity(kernels(wasm).matmul(a, b, false, false), expected);
    } finally {
      await wasm.dispose();
    }
  });
});
