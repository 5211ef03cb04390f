import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** How the README test treats a block, from its info string (the words after the opening fence). */
export type BlockMode =
  /** Written to a file and run with `node` (TypeScript stripped by esbuild first); must exit 0. */
  | { readonly kind: "run" }
  /** A vitest test file (it calls `it`/`describe` or a contract suite): run with vitest; must pass. */
  | { readonly kind: "test" }
  /** Not run; the info string says why (`ts no-run a vite.config.ts fragment`). */
  | { readonly kind: "no-run"; readonly reason: string };

export interface CodeBlock {
  /** The README, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: "ts" | "js";
  readonly mode: BlockMode;
  readonly code: string;
}

const LANGUAGES: Readonly<Record<string, "ts" | "js">> = {
  ts: "ts",
  typescript: "ts",
  mts: "ts",
  js: "js",
  javascript: "js",
  mjs: "js",
};

/** Why an info string is not one the README test understands, or the mode it gives. */
export const parseInfo = (words: ReadonlyArray<string>): BlockMode | string => {
  const [first, ...rest] = words;
  if (first === undefined) return { kind: "run" };
  if (first === "no-run")
    return rest.length === 0
      ? "no-run needs a reason after it, e.g. ```ts no-run a vite.config.ts fragment"
      : { kind: "no-run", reason: rest.join(" ") };
  if (first === "test" && rest.length === 0) return { kind: "test" };
  return `unknown word "${first}" after the language; use nothing (run it), test (a vitest file) or no-run <reason>`;
};

/**
 * The ts/js blocks of a Markdown text (fenced with ``` or ~~~, indented or not, as CommonMark reads them).
 * Throws, naming the file and line, on an info string it does not understand or an unclosed fence.
 */
export const extractBlocks = (markdown: string, file: string): ReadonlyArray<CodeBlock> => {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i] ?? "");
    if (open === null) continue;
    const [, indent = "", fence = "", info = ""] = open;
    const close = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end] ?? "")) end++;
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: this code block is never closed`);
    const [language, ...words] = info.trim().split(/\s+/).filter(Boolean);
    const known = language === undefined ? undefined : LANGUAGES[language];
    if (known !== undefined) {
      const mode = parseInfo(words);
      if (typeof mode === "string") throw new Error(`${file}:${i + 1}: ${mode}`);
      const code = lines
        .slice(i + 1, end)
        .map((line) => line.replace(new RegExp(`^ {0,${indent.length}}`), ""))
        .join("\n");
      blocks.push({ file, line: i + 1, language: known, mode, code: `${code}\n` });
    }
    i = end;
  }
  return blocks;
};

/** README.md and the README.md of every folder in packages/, apps/ and tools/ that has one. */
export const readmeFiles = (root: string): ReadonlyArray<string> => [
  "README.md",
  ...["packages", "apps", "tools"].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group))
          .sort()
          .map((name) => `${group}/${name}/README.md`)
          .filter((path) => existsSync(join(root, path)))
      : [],
  ),
];

/** Every ts/js block of every README under `root`. */
export const readmeBlocks = (root: string): ReadonlyArray<CodeBlock> =>
  readmeFiles(root).flatMap((file) => extractBlocks(readFileSync(join(root, file), "utf8"), file));

/**
 * What a block says it prints: the trailing comment of each `console.log(…); // 0.8` line when the
 * comment starts with a literal — numbers (space-separated), true/false, or an array of numbers, up to
 * the first ", " before a word, " (", "; " or the end. Comments that approximate (…, ≈, "e.g.") are
 * skipped. Compared with the output with all whitespace removed.
 */
export const expectedOutputs = (code: string): ReadonlyArray<string> =>
  code.split("\n").flatMap((line) => {
    const match = /^\s*console\.log\(.*\);?\s*\/\/\s*(.+)$/.exec(line);
    const comment = match?.[1];
    if (comment === undefined || /[…≈]/.test(comment)) return [];
    const head = comment.split(/, (?=[A-Za-z])| \(|; /)[0]?.trim() ?? "";
    const literal = /^(-?[\d.]+(e[-+]?\d+)?( -?[\d.]+(e[-+]?\d+)?)*|true|false|\[[-\d.e+,\s[\]]*\])$/;
    return literal.test(head) ? [head.replace(/\s+/g, "")] : [];
  });

/** A file name for a block: the README's folder and the line, e.g. packages-cost-README-6. */
export const blockName = (block: CodeBlock): string =>
  `${block.file.replace(/\/?README\.md$/, "").replaceAll("/", "-") || "root"}-${block.line}`;
