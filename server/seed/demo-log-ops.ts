// The demo board's op log (issue 19): every row the seed wrote logged as its created op, appended in the
// order demo-log.ts scheduled with the times it gave, and each demo analyst's last seen set in the week.

import { toWireEvent, toWireIndicator, toWireObservation, toWireSource } from "../content/to-wire";
import type { TransactionClient } from "../db/transaction";
import { appendOps, type NewOp } from "../ops/append-op";
import { DEMO_LAST_SEEN } from "./demo-log";

/**
 * The created ops of the board's sources, events, indicators and observations as they stand now, keyed
 * by their item in the demo log (itemOfRow: row id → item).
 */
export async function demoContentOps(
  tx: TransactionClient,
  boardId: string,
  itemOfRow: Map<string, string>,
  actors: { sources: string | null; facts: string | null },
): Promise<Map<string, NewOp>> {
  const ops = new Map<string, NewOp>();
  const add = (id: string, op: NewOp) => {
    const item = itemOfRow.get(id);
    if (!item) throw new Error(`Demo row ${id} is not in the demo log`);
    ops.set(item, op);
  };
  for (const row of await tx.source.findMany({ where: { boardId } })) {
    add(row.id, { type: "source.created", entityId: row.id, actorId: actors.sources, data: toWireSource(row) });
  }
  for (const row of await tx.event.findMany({ where: { boardId }, include: { sources: true } })) {
    add(row.id, { type: "event.created", entityId: row.id, actorId: actors.facts, data: toWireEvent(row) });
  }
  for (const row of await tx.indicator.findMany({ where: { boardId } })) {
    add(row.id, { type: "indicator.created", entityId: row.id, actorId: actors.facts, data: toWireIndicator(row) });
  }
  for (const row of await tx.observation.findMany({ where: { indicator: { boardId } } })) {
    add(row.id, { type: "observation.created", entityId: row.id, actorId: actors.facts, data: toWireObservation(row) });
  }
  return ops;
}

/** Appends the ops in the schedule's order, then backdates each op to its logged time. */
export async function appendDemoLog(
  tx: TransactionClient,
  boardId: string,
  schedule: { id: string; loggedAt: Date }[],
  opsByItem: Map<string, NewOp>,
): Promise<void> {
  const ops = schedule.map(({ id }) => {
    const op = opsByItem.get(id);
    if (!op) throw new Error(`The demo log has no op for ${id}`);
    return op;
  });
  const appended = await appendOps(tx, boardId, ops);
  const seqs = appended.map((op) => op.seq);
  const times = schedule.map(({ loggedAt }) => loggedAt.toISOString());
  await tx.$executeRaw`
    UPDATE "Op" o SET "createdAt" = logged.at
    FROM unnest(${seqs}::int[], ${times}::timestamp(3)[]) AS logged(seq, at)
    WHERE o."boardId" = ${boardId}::uuid AND o.seq = logged.seq`;
}

/** Each demo analyst has seen the board up to the last op logged before their DEMO_LAST_SEEN. */
export async function seedLastSeen(
  tx: TransactionClient,
  boardId: string,
  schedule: { loggedAt: Date }[],
  userIds: Map<string, string>,
): Promise<void> {
  for (const [email, seenAt] of Object.entries(DEMO_LAST_SEEN)) {
    const userId = userIds.get(email);
    if (!userId) continue;
    const lastSeenSeq = schedule.filter(({ loggedAt }) => loggedAt <= seenAt).length;
    await tx.membership.update({
      where: { boardId_userId: { boardId, userId } },
      data: { lastSeenSeq, lastSeenAt: seenAt },
    });
  }
}
