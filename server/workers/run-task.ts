// What a worker thread runs for each task: the named entry of the task table. Bytes that own their
// memory go back to the main thread moved rather than copied (Piscina.move transfers it); a small Buffer
// carved from Node's shared pool is copied, since moving the pool would take it from every other Buffer.
import { move } from "piscina";
import { TASKS, type TaskTable } from "./tasks";

export type TaskRequest = { task: string; input: unknown };

export function createTaskRunner(table: TaskTable) {
  return async function runTask(request: TaskRequest): Promise<unknown> {
    const task = table[request.task];
    if (!task) throw new Error(`no such worker task: ${request.task}`);
    const result = await task(request.input);
    return result instanceof Uint8Array && ownsItsMemory(result) ? move(result) : result;
  };
}

export const runTask = createTaskRunner(TASKS);

function ownsItsMemory(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
