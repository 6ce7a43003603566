/**
 * The render pool's worker: runs one render function by name and hands the bytes back, moving their buffer to
 * the main thread instead of copying it.
 */
import Tinypool from "tinypool";
import { isRendererName, renderers } from "./renderers.ts";

export interface RenderTask {
  name: string;
  input: unknown;
}

export default async function render(task: RenderTask) {
  if (!isRendererName(task.name)) throw new Error(`no renderer named ${task.name}`);
  const run = renderers[task.name] as (input: unknown) => Promise<Uint8Array>;
  const bytes = await run(task.input);
  // A view on part of a larger buffer is copied first: moving the whole buffer would hand over bytes not ours.
  const whole =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return Tinypool.move(whole.buffer as ArrayBuffer);
}
