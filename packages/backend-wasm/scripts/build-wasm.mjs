// Compiles assembly/ into the two builds the backend loads: build/kernels.wasm (SIMD) and
// build/kernels-relaxed.wasm (SIMD + relaxed SIMD's fused multiply-add). Each file is written to a
// temporary name and renamed, so a concurrent reader never sees half a module.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";

process.chdir(join(dirname(fileURLToPath(import.meta.url)), ".."));
mkdirSync("build", { recursive: true });

const builds = [
  ["build/kernels.wasm", []],
  ["build/kernels-relaxed.wasm", ["--enable", "relaxed-simd"]],
];

for (const [outFile, extra] of builds) {
  const { error, stderr } = await asc.main(
    ["assembly/index.ts", "--outFile", outFile, "--config", "assembly/asc.json", ...extra],
    {
      writeFile: (name, contents, baseDir) => {
        const path = join(baseDir, name);
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, contents);
        renameSync(temporary, path);
      },
    },
  );
  if (error) {
    process.stderr.write(stderr.toString());
    throw error;
  }
}
