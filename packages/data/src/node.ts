// Node-only: what reads files from disk. The main entry (index.ts) stays browser-safe.
export * from "./csv-files.js";
