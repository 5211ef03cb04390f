import { useEffect, useRef, useState } from "preact/hooks";
import type { BackendInfo } from "../engine/backend.js";
import type { FromWorker, ToWorker } from "../engine/protocol.js";
import { createTrainer, type Trainer } from "./trainer.js";

/** A view's own training worker: started on mount, terminated on unmount; `stop` starts a fresh one. */
export const useTrainer = (onMessage: (message: FromWorker) => void) => {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const trainer = useRef<Trainer | null>(null);
  const [backend, setBackend] = useState<BackendInfo | null>(null);
  const runId = useRef(0);
  useEffect(() => {
    const t = createTrainer((message) => {
      if (message.type === "ready") setBackend(message.backend);
      else if (message.runId === runId.current || message.runId === -1) handler.current(message);
    });
    trainer.current = t;
    return () => t.dispose();
  }, []);
  return {
    backend,
    /** Sends a message for a new run (or the current one, `same: true`) and returns its id. */
    send: (message: (id: number) => ToWorker, same = false): number => {
      if (!same) runId.current += 1;
      trainer.current?.send(message(runId.current));
      return runId.current;
    },
    stop: () => {
      runId.current += 1;
      setBackend(null);
      trainer.current?.restart();
    },
  };
};
