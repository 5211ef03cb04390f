import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { PlopTypes } from "@turbo/gen";

/**
 * `pnpm turbo gen activation` and `pnpm turbo gen cost`: a complete plugin package in packages/, with a
 * working placeholder formula, the one-line contract test, a README stub and a changeset.
 *
 * Non-interactively: `pnpm turbo gen activation --args <snake_name> "<one-line description>"`
 * (an empty description, "", takes the default; `_` makes plop ask). The scaffold test in apps/plugin-scaffold-test runs the
 * same generators in a copy of the workspace and runs the generated package's tests.
 */

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval plugins".split(
    " ",
  ),
);

type Kind = "activation" | "cost";

const DEFAULT_DESCRIPTION: Readonly<Record<Kind, string>> = {
  activation: "bent identity: (sqrt(z^2 + 1) - 1)/2 + z",
  cost: "log-cosh loss: log(cosh(a - y))",
};

/** `bent_identity` → `bent-identity`, the package folder and npm name. */
const slug = (name: string): string => name.replaceAll("_", "-");

const checkName =
  (kind: Kind, root: () => string) =>
  (input: unknown): true | string => {
    const name = String(input).trim();
    if (!/^[a-z][a-z0-9_]*$/.test(name))
      return `"${name}" is not a snake_case name: lowercase letters, digits and _, starting with a letter (the course writes leaky_relu)`;
    if (RESERVED.has(name))
      return `"${name}" is a JavaScript reserved word or taken by the plugins export; pick another name`;
    const dir = join(root(), "packages", `${kind}-${slug(name)}`);
    if (existsSync(dir)) return `packages/${kind}-${slug(name)} already exists; pick another name`;
    return true;
  };

/**
 * Formats the new package with the repository's biome, so whatever the description holds (quotes, long
 * lines) it passes `biome ci` as generated. (Not the changeset: biome's Markdown formatter would turn its
 * front matter into a heading, which is why biome.json excludes .changeset/*.md.)
 */
const format = (root: string, paths: ReadonlyArray<string>): string => {
  let biome: string;
  try {
    biome = createRequire(join(root, "package.json")).resolve("@biomejs/biome/bin/biome");
  } catch {
    return "not formatted: @biomejs/biome is not installed (run pnpm install, then pnpm format)";
  }
  execFileSync(process.execPath, [biome, "format", "--write", ...paths], { cwd: root, stdio: "pipe" });
  return `formatted with biome: ${paths.join(", ")}`;
};

const generator = (kind: Kind, plop: PlopTypes.NodePlopAPI): Partial<PlopTypes.PlopGeneratorConfig> => {
  const dir = `packages/${kind}-{{slug name}}`;
  const file = (template: string, path: string): PlopTypes.AddActionConfig => ({
    type: "add",
    path: `{{turbo.paths.root}}/${path}`,
    templateFile: `templates/${template}`,
    data: { kind },
  });
  return {
    description: `a new ${kind} plugin package: a working placeholder formula, the contract test, README and changeset`,
    prompts: [
      {
        type: "input",
        name: "name",
        message: `the ${kind}'s name, snake_case as the course writes names (e.g. ${kind === "activation" ? "bent_identity" : "log_cosh"}):`,
        validate: checkName(kind, () => plop.getDestBasePath()),
        filter: (input: unknown) => String(input).trim(),
      },
      {
        type: "input",
        name: "description",
        message: "one line saying what it computes:",
        default: DEFAULT_DESCRIPTION[kind],
        // `--args name ""` takes the default too (plop's `_` would prompt instead)
        filter: (input: unknown) => String(input).trim() || DEFAULT_DESCRIPTION[kind],
      },
    ],
    actions: [
      file(`${kind}/package.json.hbs`, `${dir}/package.json`),
      file("shared/tsconfig.json.hbs", `${dir}/tsconfig.json`),
      file("shared/tsconfig.build.json.hbs", `${dir}/tsconfig.build.json`),
      file(`${kind}/index.ts.hbs`, `${dir}/src/index.ts`),
      file(`${kind}/index.test.ts.hbs`, `${dir}/test/index.test.ts`),
      file(`${kind}/README.md.hbs`, `${dir}/README.md`),
      file("shared/changeset.md.hbs", `.changeset/add-${kind}-{{slug name}}.md`),
      // The root LICENSE, which every published package carries (scripts/check-packages.mjs checks it).
      (answers) => {
        const target = `packages/${kind}-${slug(String(answers["name"]))}/LICENSE`;
        copyFileSync(join(plop.getDestBasePath(), "LICENSE"), join(plop.getDestBasePath(), target));
        return `copied LICENSE to ${target}`;
      },
      (answers) => format(plop.getDestBasePath(), [`packages/${kind}-${slug(String(answers["name"]))}`]),
      (answers) => {
        const pkg = `@stepwise/${kind}-${slug(String(answers["name"]))}`;
        return [
          `created ${pkg}. Next:`,
          "  pnpm install",
          `  pnpm --filter ${pkg} test     # the contract passes on the placeholder; now write your formula`,
          `  pnpm turbo run build --filter ${pkg}   # the built CLI loads the built plugin (dist/)`,
          kind === "activation"
            ? `  pnpm stepwise train --plugin ./packages/${kind}-${slug(String(answers["name"]))} --hidden ${slug(String(answers["name"]))}`
            : `  pnpm stepwise train --plugin ./packages/${kind}-${slug(String(answers["name"]))} --cost ${slug(String(answers["name"]))}`,
          "See CONTRIBUTING.md for the five steps.",
        ].join("\n");
      },
    ],
  };
};

export default function stepwiseGenerators(plop: PlopTypes.NodePlopAPI): void {
  plop.setHelper("slug", (name: unknown) => slug(String(name)));
  // A JSON string literal of its arguments joined, safe in TypeScript and JSON whatever the text holds
  // (Handlebars passes its options object last).
  plop.setHelper("json", (...parts: unknown[]) => JSON.stringify(parts.slice(0, -1).map(String).join("")));
  // Text for a /** … */ comment or Markdown, with nothing that could close the comment.
  plop.setHelper("prose", (text: unknown) => String(text).replaceAll("*/", "* /"));
  plop.setGenerator("activation", generator("activation", plop));
  plop.setGenerator("cost", generator("cost", plop));
}
