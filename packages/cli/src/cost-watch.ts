/** Four significant digits are plenty for a warning: 0.7717, 5.03. */
const short = (x: number): string => String(Number(x.toPrecision(4)));

/** How far (relative) above a reference a cost must be to count as "risen", past a run's own jitter. */
const MARGIN = 1.1;

/**
 * Watches the cost of each iteration and warns once when training is not making progress:
 * - the cost rose in each of the last `n` iterations, ending at least 10 % above where the rise began; or
 * - the cost has stayed at least 10 % above its iteration-0 value for the last `n` iterations (the
 *   oscillation of a learning rate far too large: 0.77, 14, 6.4, 19, 7.3, …).
 * A healthy run may wobble — the course's own L-layer run rises in 1135 of its 2500 iterations, up to
 * 4 in a row, and briefly doubles its cost near iteration 1418 — but never climbs back above its start,
 * so neither rule fires on it.
 */
export const costWatch = (
  warn: (why: string) => void,
  n = 10,
): ((iteration: number, cost: number) => void) => {
  let start: number | undefined;
  let previous = Number.NaN;
  let streak = 0;
  let streakFrom = Number.NaN;
  let above = 0;
  let warned = false;
  return (iteration, cost) => {
    if (warned) return;
    if (start === undefined) start = cost;
    if (cost > previous) {
      if (streak === 0) streakFrom = previous;
      streak++;
    } else streak = 0;
    previous = cost;
    above = cost >= MARGIN * start ? above + 1 : 0;
    const climbing = streak >= n && cost >= MARGIN * streakFrom;
    if (!climbing && above < n) return;
    warned = true;
    warn(
      climbing
        ? `the cost has risen ${streak} iterations in a row (from ${short(streakFrom)} to ${short(cost)} at iteration ${iteration})`
        : `the cost has stayed above its starting value for ${above} iterations (${short(start)} at iteration 0, ${short(cost)} at iteration ${iteration})`,
    );
  };
};
