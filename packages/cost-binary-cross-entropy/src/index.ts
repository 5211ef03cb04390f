import { binary_cross_entropy } from "./binary-cross-entropy.js";
import { binary_cross_entropy_nansum } from "./nansum.js";

export { binary_cross_entropy } from "./binary-cross-entropy.js";
export { binary_cross_entropy_nansum } from "./nansum.js";

/** What `stepwise --plugin @stepwise/cost-binary-cross-entropy` registers. */
export const plugins = [binary_cross_entropy, binary_cross_entropy_nansum];
