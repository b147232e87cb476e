// How the worker pool's failures reach a caller: typed AppErrors that the HTTP edge maps to a status
// (server/errors.ts) and a Retry-After header (server/http/respond.ts).
import { AppError } from "../errors";

/** Retry-After is whole seconds; a full queue asks for at least one and at most a minute. */
const RETRY_AFTER_MS = { min: 1_000, max: 60_000 };

export function workQueueFull(estimatedWaitMs: number): AppError {
  const retryAfterMs =
    Math.ceil(Math.min(Math.max(estimatedWaitMs, RETRY_AFTER_MS.min), RETRY_AFTER_MS.max) / 1000) * 1000;
  return new AppError(
    "UNAVAILABLE",
    `The queue for exports and imports is full; retry in ${retryAfterMs / 1000} s`,
    undefined,
    {
      retryAfterMs,
    },
  );
}

/** The task ran (or waited) past its time; its worker was stopped and replaced. */
export class WorkerTaskTimedOut extends AppError {
  override name = "WorkerTaskTimedOut";
  constructor(readonly timeoutMs: number) {
    super(
      "UNAVAILABLE",
      `The export or import took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; try again`,
    );
  }
}

/** The task threw, or its worker died under it (a fresh worker takes its place). */
export class WorkerTaskFailed extends AppError {
  override name = "WorkerTaskFailed";
  constructor() {
    super("INTERNAL", "The export or import failed on the server; try again, and tell the team if it keeps failing");
  }
}
