// The page's side of a workbench Worker (www/workbench-worker.js): requests
// with an id, answered by `done` or `error`, with `progress` messages in
// between. The cohort lives in the Worker's wasm memory; only small objects
// (options, tables, a File handle) cross.
//
// A new cohort is made in a new Worker, so that the one on show stays
// usable while it loads and Cancel is immediate: `terminate()` stops the
// Worker wherever it is (between two chunks of a file, or inside a step of
// a synthetic cohort), and the old Worker is kept.
//
//   const worker = new WorkbenchClient();
//   const summary = await worker.request("load", { file, format }, showProgress);

const WORKER_URL = "/workbench-worker.js";

/** A structured error `{ kind, path, message }` as an Error, like the package's own. */
export function asError(e) {
  const error = new Error(e?.message ?? "unknown error");
  error.kind = e?.kind ?? "OTHER";
  error.path = e?.path ?? "";
  if (e?.rejected) error.rejected = e.rejected;
  return error;
}

/** One Worker that holds (or is making) a cohort, and the requests waiting for it. */
export class WorkbenchClient {
  constructor() {
    this.next = 1;
    this.pending = new Map();
    this.worker = new Worker(WORKER_URL, { type: "module", name: "veivalg-workbench" });
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(asError({ kind: "WORKER", message: event.message || "the worker could not start" }));
    });
  }

  receive(message) {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === "progress") p.progress?.(message.progress);
    else {
      this.pending.delete(message.id);
      if (message.type === "done") p.resolve(message.result);
      else p.reject(asError(message.error));
    }
  }

  /** Refuses every waiting request with `error`. */
  fail(error) {
    for (const [, p] of this.pending) p.reject(error);
    this.pending.clear();
  }

  /**
   * Sends `op` with `params`; resolves with the Worker's answer, or rejects
   * with its structured error. `progress(p)` gets each progress message.
   */
  request(op, params = {}, progress = undefined) {
    const id = this.next++;
    const result = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, progress }));
    this.worker.postMessage({ id, op, params });
    return result;
  }

  /** Stops the Worker at once (its cohort is gone); waiting requests reject with kind CANCELLED. */
  terminate() {
    this.worker.terminate();
    this.fail(asError({ kind: "CANCELLED", message: "cancelled" }));
  }
}
