// What every write service needs besides the actor and the input: the database, the live path, and
// the write limiter. Built once by the composition root.
import type { Database } from "./db/client";
import type { WriteLimiter } from "./limits/write-limiter";
import type { BoardEffects } from "./ops/board-effects";

export type Domain = { db: Database; effects: BoardEffects; limiter: WriteLimiter };
