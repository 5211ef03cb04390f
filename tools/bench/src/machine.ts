import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

/** One line about the machine: CPU model, cores, memory, Node. */
export const describeMachine = (): string => {
  let model = cpus()[0]?.model ?? "unknown CPU";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) model = line.split(":")[1]?.trim() ?? model;
  } catch {
    // not Linux: os.cpus() it is
  }
  return `${model}, ${availableParallelism()} cores available, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version} (V8 ${process.versions.v8})`;
};

/** The 1-minute load average: the machine is shared, so every report says how busy it was. */
export const load = (): string => loadavg()[0]?.toFixed(2) ?? "?";
