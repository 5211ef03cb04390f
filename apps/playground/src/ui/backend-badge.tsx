import type { BackendInfo } from "../engine/backend.js";

/** Where training runs: the wasm backend's threads, or the js fallback and why. */
export const BackendBadge = ({ backend }: { readonly backend: BackendInfo | null }) =>
  backend === null ? (
    <p class="backend" data-testid="backend">
      Starting the training worker…
    </p>
  ) : (
    <div>
      <p class="backend" data-testid="backend" data-backend={backend.name}>
        Training in a Web Worker on the <b>{backend.name}</b> backend
        {backend.name === "wasm"
          ? `, ${backend.threads} thread${backend.threads === 1 ? "" : "s"} (cross-origin isolated; one core is left to this page)`
          : ", one thread"}
        .
      </p>
      {backend.note === null ? null : (
        <p class="warning" data-testid="backend-note">
          {backend.note}
        </p>
      )}
    </div>
  );
