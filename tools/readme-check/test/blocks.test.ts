import { describe, expect, it } from "vitest";
import { expectedOutputs, extractBlocks, parseInfo } from "../src/blocks.js";

describe("extractBlocks", () => {
  it("takes ts and js blocks with their line and mode, and leaves the others", () => {
    const markdown = [
      "# Title", // 1
      "```ts", // 2
      "console.log(1); // 1",
      "```",
      "```sh",
      "npx stepwise",
      "```",
      "- a list item:", // 8
      "  ```js test",
      "  it('x', () => {});",
      "  ```",
      "~~~typescript no-run a vite.config.ts fragment", // 12
      "export default {};",
      "~~~",
    ].join("\n");
    expect(extractBlocks(markdown, "README.md")).toEqual([
      { file: "README.md", line: 2, language: "ts", mode: { kind: "run" }, code: "console.log(1); // 1\n" },
      { file: "README.md", line: 9, language: "js", mode: { kind: "test" }, code: "it('x', () => {});\n" },
      {
        file: "README.md",
        line: 12,
        language: "ts",
        mode: { kind: "no-run", reason: "a vite.config.ts fragment" },
        code: "export default {};\n",
      },
    ]);
  });

  it("refuses a no-run without a reason, an unknown word and an unclosed fence, naming the line", () => {
    expect(() => extractBlocks("text\n```ts no-run\nx\n```\n", "a/README.md")).toThrow(
      "a/README.md:2: no-run needs a reason",
    );
    expect(() => extractBlocks("```ts skip\nx\n```\n", "README.md")).toThrow(
      'README.md:1: unknown word "skip"',
    );
    expect(() => extractBlocks("```ts\nx\n", "README.md")).toThrow(
      "README.md:1: this code block is never closed",
    );
    expect(parseInfo([])).toEqual({ kind: "run" });
  });
});

describe("expectedOutputs", () => {
  it("reads literal comments of console.log lines and skips approximations", () => {
    const code = [
      "console.log(J); // 0.2797765635793422",
      "console.log(Z.rows, Z.cols); // 4 4",
      "console.log(toArray(Z)); // [[11, 12, 18], [23, 24, 38]]",
      "console.log(ok); // true: the message",
      "console.log(accuracy); // 0.8, the course's",
      "console.log(x); // 0.9¹⁰⁰ ≈ 2.66e-5",
      "console.log(y); // [0.0392…, 0.7049…]",
      "console.log(z); // dAL",
      "const a = 1; // 5",
    ].join("\n");
    expect(expectedOutputs(code)).toEqual(["0.2797765635793422", "44", "[[11,12,18],[23,24,38]]", "0.8"]);
  });
});
