// The one way a board changes: authorize the actor, take a write token, run the change in one
// transaction, append one op per change with consecutive seqs, publish the ops after the commit.
// Every service that changes a board goes through here; only the annotation:create hot path
// (annotations/commit-annotation-batch.ts) writes rows and ops in one statement of its own, and the
// demo seed (seed/seed-demo-board.ts), which has no acting member, appends its ops in its own transaction.
import type { BoardAction } from "@/lib/permissions";
import type { OpDataByType, OpType, WireOp } from "@/lib/ops";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { type Access, authorize, permit } from "../boards/access";
import type { TransactionClient } from "../db/transaction";
import { appendOps } from "./append-op";

/** One op to append: what changed, and the data clients apply. The actor is the committing one unless named. */
export type BoardChange<T extends OpType = OpType> = {
  [K in T]: { type: K; entityId: string; data: OpDataByType[K]; actorId?: string | null };
}[T];

/** The ops of a tuple of changes, position by position, so a one-op service gets its op's type back. */
export type OpsOf<C extends readonly BoardChange[]> = { -readonly [K in keyof C]: WireOp<C[K]["type"]> };

export type ChangeAuthority =
  /** The action the actor must be allowed on the board. */
  | { action: BoardAction; also?: (access: Access) => void }
  /** Access the service already resolved (it read something before deciding to write). */
  | { access: Access; action: BoardAction }
  /** No member's right is involved: the change is the actor's own (accepting an invitation). */
  | { ownChange: true };

type ChangeDomain = Pick<BaseDomain, "db" | "effects" | "limiter">;

const ADMITTED = Symbol("admitted");
/** Proof that admitBoardChange authorized the actor and took the write token; only it makes one. */
export type Admission = { readonly [ADMITTED]: true };

/**
 * The first two steps alone, for a service with work to do between them and the transaction that must
 * still cost a token when it ends without writing: the CSV import reads and checks its file there (the
 * token is what a large file costs), an invitation to an address without an account is stored there.
 * Pass the admission as commitBoardChange's authority, which then neither authorizes nor takes again.
 */
export async function admitBoardChange(options: {
  domain: ChangeDomain;
  actor: Actor;
  boardId: string;
  authority: ChangeAuthority;
}): Promise<Admission> {
  const { domain, actor, boardId, authority } = options;
  if ("access" in authority) permit(authority.access, authority.action);
  else if ("action" in authority) {
    const access = await authorize({ db: domain.db, actor, boardId, action: authority.action });
    authority.also?.(access);
  }
  await domain.limiter.take(actor.id);
  return { [ADMITTED]: true };
}

export async function commitBoardChange<const C extends readonly BoardChange[]>(options: {
  domain: ChangeDomain;
  actor: Actor;
  boardId: string;
  authority: ChangeAuthority | Admission;
  /** Writes the rows and answers the changes to log, in the order clients should apply them. */
  change: (tx: TransactionClient) => Promise<C>;
  /** For the rare big change (imports): how long the transaction may run. */
  transaction?: { timeout: number; maxWait?: number };
  /**
   * Runs after the commit and before the ops are published. Removing a member takes the member's
   * sockets out of the board's room here: they are told and leave before anything else, the removal's
   * op included, is published there; and they stay if the removal did not commit.
   */
  beforePublish?: () => Promise<void>;
  /** Runs in the transaction once the ops are appended (the board row locked): the CSV import's checkpoint. */
  afterAppend?: (tx: TransactionClient) => Promise<void>;
}): Promise<OpsOf<C>> {
  const { domain, actor, boardId, authority } = options;
  if (!(ADMITTED in authority)) await admitBoardChange({ domain, actor, boardId, authority });
  const ops = await domain.db.$transaction(async (tx) => {
    const changes = await options.change(tx);
    const appended = await appendOps(
      tx,
      boardId,
      changes.map((change) => ({ ...change, actorId: change.actorId === undefined ? actor.id : change.actorId })),
    );
    await options.afterAppend?.(tx);
    return appended;
  }, options.transaction);
  await options.beforePublish?.();
  for (const op of ops) domain.effects.publish(op);
  return ops as unknown as OpsOf<C>;
}
