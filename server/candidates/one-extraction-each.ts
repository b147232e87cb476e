// One extraction at a time per analyst on this node (issue 15 review): a 1 MiB document costs the worker
// pool 15–20 s of CPU for one write token, so an analyst pressing "Find" repeatedly could fill the pool's
// threads and queue, and revisions and exports would be refused as "queue full". This is a guard on this
// node's CPU, not board state: a second node keeps its own (each has its own pool).
import type { Actor } from "../actor";
import { AppError } from "../errors";

const RETRY_AFTER_MS = 2_000;
const extracting = new Set<string>();

export async function oneExtractionEach<T>(actor: Actor, extract: () => Promise<T>): Promise<T> {
  if (extracting.has(actor.id))
    throw new AppError("RATE_LIMITED", "Your last search for events and figures is still running", undefined, {
      retryAfterMs: RETRY_AFTER_MS,
    });
  extracting.add(actor.id);
  try {
    return await extract();
  } finally {
    extracting.delete(actor.id);
  }
}
