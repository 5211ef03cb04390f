/**
 * Writes test image `index` of the course's test set as a 64×64 PNG (the user's "own picture" in the
 * end-to-end tests): `node --conditions=@stepwise/source --import tsx scripts/test-image.ts <index> <out.png>`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodePng, imageAt } from "@stepwise/data";
import { loadCatvnoncat } from "@stepwise/data/node";
import * as E from "fp-ts/lib/Either.js";

const [index = "1", out = "picture.png"] = process.argv.slice(2);
const data = await loadCatvnoncat(join(import.meta.dirname, "../../../datasets/catvnoncat"));
if (E.isLeft(data)) throw new Error(data.left.message);
writeFileSync(out, encodePng(imageAt(data.right.testImages, Number(index)), 64, 64));
