/**
 * The render pool: PDF and XLSX drawing (60–90 ms of CPU for a receipt) runs in worker threads, never on the
 * event loop. One pool per process, sized to the cores less the one the event loop runs on (at least one
 * thread), shared by every app built in the process: each holds it while it runs (holdRenderPool) and the
 * threads stop when the last one lets go. Idle threads do not keep the process alive.
 *
 * The worker loads the same TypeScript sources through tsx's loader, as bin/motcua.js does for the main thread:
 * a worker thread does not inherit loader hooks registered in code, so it is started with `--import tsx/esm`.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import Tinypool from "tinypool";
import type { RenderTask } from "./render-worker.ts";
import type { RendererName, RenderInput } from "./renderers.ts";

export function poolSize(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

let pool: Tinypool | undefined;
let holders = 0;

function openPool(): Tinypool {
  if (pool) return pool;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
  const size = poolSize();
  pool = new Tinypool({
    filename: new URL("./render-worker.ts", import.meta.url).href,
    runtime: "worker_threads",
    minThreads: size,
    maxThreads: size,
    execArgv: ["--import", tsx],
  });
  return pool;
}

/** Draws with the render function `name` in a worker thread; the bytes are the function's own. */
export async function renderInPool<N extends RendererName>(
  name: N,
  input: RenderInput<N>,
): Promise<Uint8Array> {
  const task: RenderTask = { name, input };
  const buffer: ArrayBuffer = await openPool().run(task);
  return new Uint8Array(buffer);
}

/** Holds the pool open (its threads started, so the first render does not wait for them) until released. */
export function holdRenderPool(): () => Promise<void> {
  holders++;
  openPool();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0 && pool) {
      const closing = pool;
      pool = undefined;
      await closing.destroy();
    }
  };
}

/** How many renders the pool's threads have finished in this process (0 when it is not open). */
export function rendersCompleted(): number {
  return pool?.completed ?? 0;
}
