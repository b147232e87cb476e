// The parts a domain is built from: the database, the live path, the write limiter, and the worker pool
// for heavy work. Its own module so that what server/domain.ts composes (the annotation batch) can
// take these parts without importing domain.ts back.
import type { Database } from "./db/client";
import type { WriteLimiter } from "./limits/write-limiter";
import type { BoardEffects } from "./ops/board-effects";
import type { WorkerPool } from "./workers/create-worker-pool";

export type BaseDomain = { db: Database; effects: BoardEffects; limiter: WriteLimiter; workers: WorkerPool };
