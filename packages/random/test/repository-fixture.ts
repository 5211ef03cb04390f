import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A file of the repository's fixtures/ folder (or of $STEPWISE_FIXTURES_DIR), parsed: the rule of
 * @stepwise/testkit's `loadFixture`, which these tests cannot import because testkit depends on this package.
 */
export const repositoryFixture = <A>(name: string): A => {
  const fromEnv = process.env["STEPWISE_FIXTURES_DIR"];
  const dir =
    fromEnv !== undefined && fromEnv !== ""
      ? fromEnv
      : fileURLToPath(new URL("../../../fixtures", import.meta.url));
  return JSON.parse(readFileSync(join(dir, name), "utf8")) as A;
};
