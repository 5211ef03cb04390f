// Compiles assembly/ into the two builds the backend loads: build/kernels.wasm (SIMD) and
// build/kernels-relaxed.wasm (SIMD + relaxed SIMD's fused multiply-add). Each file is written to a
// temporary name and renamed, so a concurrent reader never sees half a module.
//
// The builds are committed (see README "Building the kernels"), so a clone and an installed tarball need
// no AssemblyScript. `--check` compiles in memory instead and compares with the files in build/ (or
// `--dir DIR`): it lists every build that is missing or differs and exits 1. The tests run it.
//
//   node scripts/build-wasm.mjs                 (pnpm --filter @stepwise/backend-wasm build:wasm)
//   node scripts/build-wasm.mjs --check [--dir DIR]
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import asc from "assemblyscript/asc";

const { values } = parseArgs({ options: { check: { type: "boolean" }, dir: { type: "string" } } });
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = values.dir === undefined ? join(packageDir, "build") : resolve(values.dir);
process.chdir(packageDir);

const builds = [
  ["kernels.wasm", []],
  ["kernels-relaxed.wasm", ["--enable", "relaxed-simd"]],
];

/** Compiles one build in memory: the module's bytes. */
const compile = async (name, extra) => {
  let bytes;
  const { error, stderr } = await asc.main(
    ["assembly/index.ts", "--outFile", `build/${name}`, "--config", "assembly/asc.json", ...extra],
    {
      writeFile: (file, contents) => {
        if (basename(file) === name) bytes = Buffer.from(contents);
      },
    },
  );
  if (error) {
    process.stderr.write(stderr.toString());
    throw error;
  }
  if (bytes === undefined) throw new Error(`asc wrote no ${name}`);
  return bytes;
};

if (values.check) {
  const problems = [];
  for (const [name, extra] of builds) {
    const committed = join(dir, name);
    const rebuilt = await compile(name, extra);
    if (!existsSync(committed)) problems.push(`  ${committed}: missing`);
    else if (!readFileSync(committed).equals(rebuilt))
      problems.push(`  ${committed}: differs from a rebuild of assembly/ (${rebuilt.length} bytes rebuilt)`);
  }
  if (problems.length > 0) {
    process.stderr.write(
      `The committed kernels are not what assembly/ compiles to:\n${problems.join("\n")}\n` +
        "Rebuild them with `pnpm --filter @stepwise/backend-wasm build:wasm` and commit build/*.wasm.\n",
    );
    process.exit(1);
  }
  console.log(
    `kernels: ${builds.map(([name]) => name).join(" and ")} in ${dir} equal a rebuild of assembly/`,
  );
} else {
  mkdirSync(dir, { recursive: true });
  for (const [name, extra] of builds) {
    const path = join(dir, name);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, await compile(name, extra));
    renameSync(temporary, path);
  }
}
