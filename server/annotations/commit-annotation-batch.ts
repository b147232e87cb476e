// Commits a batch of annotation:create requests for one board (see server/db/group-commit.ts). What the
// batch needs to know — the authors' access, which ids are already stored, whether the targets are on
// the board, who is mentioned — is read in one statement (read-batch-facts.ts); every new annotation is
// then written by one statement (insert-annotation-batch.ts). A request that fails its own checks is
// answered alone and never costs the others their write.
import type { WireOp } from "@/lib/ops";
import type { TAnnotationCreate, WireAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "../actor";
import type { BaseDomain } from "../base-domain";
import { type Access, permit } from "../boards/access";
import type { Database } from "../db/client";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import type { Settlement } from "../db/group-commit";
import { AppError } from "../errors";
import { isPassage, type PassageFacts, passageFacts } from "../documents/passage-check";
import { type MemberName, mentionedMembers } from "./find-mentions";
import { findTargetProblems } from "./find-target-problems";
import { insertAnnotationBatch } from "./insert-annotation-batch";
import { type NewAnnotation, newAnnotation } from "./new-annotation";
import { readBatchFacts } from "./read-batch-facts";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "./to-wire-annotation";

export type CreateRequest = { actor: Actor; input: TAnnotationCreate };
export type CreateAnnotationResult = { annotation: WireAnnotation; seq: number; replayed: boolean };
type Outcome = Settlement<CreateAnnotationResult>;
type Author = { access: Access; name: string };

const failed = (error: unknown): Outcome => ({ ok: false, error });

export async function commitAnnotationBatch(
  domain: BaseDomain,
  boardId: string,
  requests: CreateRequest[],
): Promise<Outcome[]> {
  const { db } = domain;
  // The write tokens are taken while the facts are read, one per request; the requests that turn out
  // not to be new writes (replays, refusals) give theirs back below, so a replay still costs none.
  const [facts, refused] = await Promise.all([
    readBatchFacts(db, boardId, requests),
    domain.limiter.takeEach(requests.map((request) => request.actor.id)),
  ]);
  const { stored, members } = facts;
  const authors = new Map(
    [...facts.authors].map(([userId, author]): [string, Author] => [
      userId,
      { access: { role: author.role, archived: facts.archived }, name: author.name },
    ]),
  );
  const targetProblems = findTargetProblems(
    requests.map((request) => request.input),
    facts.existing,
  );

  // Each request's answer is decided in the order a single create checks: access, replay, write token,
  // target (the tokens were taken above already, and those not needed go back).
  const outcomes: (Outcome | undefined)[] = new Array(requests.length);
  const replays: number[] = [];
  const duplicates = new Map<number, number>();
  const claimed = new Map<string, number>();
  const fresh: number[] = [];
  requests.forEach((request, index) => {
    const author = authors.get(request.actor.id);
    try {
      if (!author) throw new AppError("NOT_FOUND", "No such board");
      permit(author.access, "annotation.create");
    } catch (error) {
      outcomes[index] = failed(error);
      return;
    }
    const first = claimed.get(request.input.id);
    if (first !== undefined) duplicates.set(index, first);
    else if (stored.has(request.input.id)) replays.push(index);
    else {
      claimed.set(request.input.id, index);
      fresh.push(index);
    }
  });
  const isFresh = new Set(fresh);
  const unused = requests
    .filter((request, index) => !isFresh.has(index) && !refused.has(request.actor.id))
    .map((request) => request.actor.id);
  if (unused.length) await domain.limiter.giveBack(unused);
  const passages = new Map<number, PassageFacts>();
  for (const index of fresh) {
    const problem = refused.get((requests[index] as CreateRequest).actor.id) ?? targetProblems.get(index);
    if (problem) outcomes[index] = failed(problem);
    else {
      // A passage's quote must be its version's text there (issue 14), checked against the texts read above.
      const { target } = (requests[index] as CreateRequest).input;
      try {
        if (isPassage(target)) passages.set(index, passageFacts(target, facts.passages));
      } catch (error) {
        outcomes[index] = failed(error);
      }
    }
  }

  const at = new Date();
  const writable = fresh
    .filter((index) => !outcomes[index])
    .map((index) => ({
      index,
      ...annotationOf(requests[index] as CreateRequest, authors, members, at, passages.get(index)),
    }));
  for (const [index, outcome] of await writeOrSplit(domain, boardId, writable, at)) outcomes[index] = outcome;

  for (const index of replays) {
    const { actor, input } = requests[index] as CreateRequest;
    outcomes[index] = await findEarlierCreate(db, actor, input).then(
      (earlier): Outcome =>
        earlier ? { ok: true, value: earlier } : failed(new AppError("NOT_FOUND", "No such annotation")),
      failed,
    );
  }
  // A second delivery inside the batch gets the first one's answer.
  for (const [index, first] of duplicates) {
    const answer = outcomes[first];
    outcomes[index] = answer?.ok ? { ok: true, value: { ...answer.value, replayed: true } } : answer;
  }
  return outcomes.map((outcome) => outcome ?? failed(new Error("The batch left a request unanswered")));
}

/** The annotation as clients will see it once written, with the members its body names. */
function annotationOf(
  { actor, input }: CreateRequest,
  authors: Map<string, Author>,
  members: MemberName[],
  at: Date,
  passage: PassageFacts | undefined,
): NewAnnotation {
  return newAnnotation({
    ...(passage ? { passage } : {}),
    create: input,
    author: { id: actor.id, name: authors.get(actor.id)?.name ?? actor.name },
    mentioned: mentionedMembers(members, input.body, actor.id),
    createdAt: at,
  });
}

/**
 * Writes the batch with one statement and publishes its ops. When the statement fails and it held more
 * than one annotation, each is written again on its own, so the error reaches only the one that caused it.
 */
async function writeOrSplit(
  domain: BaseDomain,
  boardId: string,
  writable: (NewAnnotation & { index: number })[],
  at: Date,
): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  if (!writable.length) return outcomes;
  let ops: WireOp<"annotation.created">[];
  try {
    ops = await insertAnnotationBatch(domain.db, boardId, writable, at);
  } catch (error) {
    // Without a database, writing each alone would fail the same way, one timeout after another: every
    // request gets the error at once (answered UNAVAILABLE; a resend with the same id finds the write if
    // the statement did commit before the connection went).
    if (isDatabaseUnavailable(error)) {
      for (const { index } of writable) outcomes.set(index, failed(error));
      return outcomes;
    }
    if (writable.length === 1) {
      const [only] = writable as [NewAnnotation & { index: number }];
      outcomes.set(only.index, await answerFailedWrite(domain.db, only.annotation, error));
      return outcomes;
    }
    for (const one of writable) {
      for (const [index, outcome] of await writeOrSplit(domain, boardId, [one], at)) outcomes.set(index, outcome);
    }
    return outcomes;
  }
  ops.forEach((op, position) => {
    domain.effects.publish(op);
    const { index } = writable[position] as { index: number };
    outcomes.set(index, { ok: true, value: { annotation: op.data, seq: op.seq, replayed: false } });
  });
  return outcomes;
}

/** Two deliveries of the same create raced across nodes and the other committed first: answer its result. */
async function answerFailedWrite(db: Database, annotation: WireAnnotation, error: unknown): Promise<Outcome> {
  return findEarlierCreate(db, annotation.author, annotation).then(
    (winner): Outcome => (winner ? { ok: true, value: winner } : failed(error)),
    failed,
  );
}

/** The first result of an earlier create with this id, or CONFLICT when the id belongs to someone else. */
export async function findEarlierCreate(
  db: Database,
  actor: Pick<Actor, "id">,
  input: Pick<TAnnotationCreate, "id" | "boardId">,
): Promise<CreateAnnotationResult | null> {
  const existing = await db.annotation.findUnique({ where: { id: input.id }, include: ANNOTATION_INCLUDE });
  if (!existing) return null;
  if (existing.boardId !== input.boardId || existing.authorId !== actor.id) {
    throw new AppError("CONFLICT", "An annotation with this id already exists");
  }
  const created = await db.op.findFirst({
    where: { boardId: existing.boardId, entityId: existing.id, type: "annotation.created" },
    select: { seq: true },
  });
  if (!created) throw new Error(`Annotation ${existing.id} has no annotation.created op`);
  return { annotation: toWireAnnotation(existing), seq: created.seq, replayed: true };
}
