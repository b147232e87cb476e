// Writes the demo board (demo-board-data.ts) and its three demo analysts. Used on the embedded
// database's first start and by `npm run seed:demo`; never automatically on a configured DATABASE_URL.
import { randomUUID } from "node:crypto";
import { type MemberName, mentionedMembers } from "../annotations/find-mentions";
import { assertTargetsOnBoard } from "../annotations/find-target-problems";
import { insertAnnotations } from "../annotations/insert-annotation-batch";
import { newAnnotation } from "../annotations/new-annotation";
import type { Auth } from "../auth/create-auth";
import { placeColumns } from "../content/place-columns";
import type { Database } from "../db/client";
import { isPassage, passageFacts } from "../documents/passage-check";
import { checkpointCurrentRows } from "../history/checkpoints";
import { createUser } from "../users/create-user";
import { demoBoardData } from "./demo-board-data";
import { DEMO_BOARD_OPENED, demoLogItems, noteItem, observationItem, revisionItem, scheduleDemoLog } from "./demo-log";
import { appendDemoLog, demoContentOps, seedLastSeen } from "./demo-log-ops";
import { demoTarget } from "./demo-target";
import { reviseDemoSource } from "./seed-demo-revision";

/** Published in the README: only ever used for the demo accounts on a local embedded database. */
export const DEMO_PASSWORD = "watchfloor-demo";

export type SeedResult = { seeded: boolean; boardSlug: string };

export async function seedDemoBoard(options: { db: Database; auth: Auth }): Promise<SeedResult> {
  const { db, auth } = options;
  const data = demoBoardData;
  if (await db.board.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
    return { seeded: false, boardSlug: data.slug };
  }

  const userIds = new Map<string, string>();
  const analysts: MemberName[] = [];
  for (const analyst of data.analysts) {
    const existing = await db.user.findUnique({ where: { email: analyst.email }, select: { id: true, name: true } });
    const user =
      existing ??
      (await createUser({ auth, input: { email: analyst.email, name: analyst.name, password: DEMO_PASSWORD } }));
    userIds.set(analyst.email, user.id);
    analysts.push({ id: user.id, name: user.name });
  }

  const boardId = randomUUID();
  const sourceIds = new Map(data.sources.map((source) => [source.key, randomUUID()]));
  const eventIds = new Map(data.events.map((event) => [event.key, randomUUID()]));
  const indicatorIds = new Map(data.indicators.map((indicator) => [indicator.key, randomUUID()]));
  const observationIds = new Map<string, string>();
  /** Observation id → its item in the demo log. */
  const observationItems = new Map<string, string>();
  const idOf = (ids: Map<string, string>, key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo data refers to unknown key ${key}`);
    return id;
  };

  // When each thing was logged in the crisis week: the op log's times, and each event's loggedAt.
  const schedule = scheduleDemoLog(demoLogItems(data));
  const loggedAt = new Map(schedule.map((item) => [item.id, item.loggedAt]));
  const loggedAtOf = (item: string) => {
    const at = loggedAt.get(item);
    if (!at) throw new Error(`The demo log has no ${item}`);
    return at;
  };

  await db.$transaction(async (tx) => {
    await tx.board.create({
      data: {
        id: boardId,
        slug: data.slug,
        title: data.title,
        description: data.description,
        createdAt: DEMO_BOARD_OPENED,
      },
    });
    await tx.membership.createMany({
      data: data.analysts.map((analyst) => ({ boardId, userId: idOf(userIds, analyst.email), role: analyst.role })),
    });
    // Its history starts empty, as a board made in the app does (docs/history.md).
    await checkpointCurrentRows(tx, boardId, "genesis");
    await tx.source.createMany({
      data: data.sources.map((source) => ({
        id: idOf(sourceIds, source.key),
        boardId,
        title: source.title,
        publisher: source.publisher,
        publishedAt: new Date(source.publishedAt),
        url: source.url ?? null,
        reliability: source.reliability,
        currentVersion: source.text ? 1 : 0,
      })),
    });
    // A source's text is version 1 of its document (issue 14), as source:create stores it.
    await tx.sourceVersion.createMany({
      data: data.sources
        .filter((source) => source.text)
        .map((source) => ({
          id: randomUUID(),
          sourceId: idOf(sourceIds, source.key),
          version: 1,
          text: source.text,
          format: "text",
          createdAt: new Date(source.publishedAt),
        })),
    });
    for (const event of data.events) {
      await tx.event.create({
        data: {
          id: idOf(eventIds, event.key),
          boardId,
          title: event.title,
          occurredAt: new Date(event.occurredAt),
          endsAt: event.endsAt ? new Date(event.endsAt) : null,
          category: event.category,
          ...placeColumns(event.place),
          description: event.description,
          sourceReliability: event.sourceReliability ?? null,
          infoCredibility: event.infoCredibility ?? null,
          createdAt: loggedAtOf(`event:${event.key}`),
          sources: { create: event.sourceKeys.map((key) => ({ sourceId: idOf(sourceIds, key) })) },
        },
      });
    }
    for (const indicator of data.indicators) {
      const indicatorId = idOf(indicatorIds, indicator.key);
      await tx.indicator.create({
        data: {
          id: indicatorId,
          boardId,
          name: indicator.name,
          unit: indicator.unit,
          description: indicator.description,
          kind: indicator.kind,
          warnAbove: indicator.warnAbove ?? null,
          warnBelow: indicator.warnBelow ?? null,
          color: indicator.color,
          createdAt: loggedAtOf(`indicator:${indicator.key}`),
        },
      });
      await tx.observation.createMany({
        data: indicator.observations.map((observation, index) => {
          const id = randomUUID();
          if (observation.key) observationIds.set(observation.key, id);
          observationItems.set(id, observationItem(indicator.key, index));
          return {
            id,
            indicatorId,
            observedAt: new Date(observation.observedAt),
            value: observation.value,
            sourceId: observation.sourceKey ? idOf(sourceIds, observation.sourceKey) : null,
            sourceReliability: observation.sourceReliability,
            infoCredibility: observation.infoCredibility,
            note: observation.note ?? "",
          };
        }),
      });
    }
    const entityIds = { event: eventIds, indicator: indicatorIds, observation: observationIds, source: sourceIds };
    // Passage notes are chosen in version 1 of their document; later versions come after them, below.
    const sourceByKey = new Map(data.sources.map((source) => [source.key, source]));
    const sourceById = new Map(data.sources.map((source) => [idOf(sourceIds, source.key), source]));
    const firstVersionOf = (sourceKey: string, version: number) =>
      version === 1 ? sourceByKey.get(sourceKey)?.text || undefined : undefined;
    const passageTexts = {
      text: (sourceId: string, version: number) =>
        version === 1 ? sourceById.get(sourceId)?.text || undefined : undefined,
      currentVersion: (sourceId: string) => (sourceById.get(sourceId)?.text ? 1 : undefined),
    };
    // Annotations go through the op log like any later write, so the activity history starts complete.
    // They are written by the one annotation writer, as annotation:create writes them; but with no acting
    // member (each note is its author's, and no write limit applies to a fresh install), the seed logs
    // their ops itself in this transaction instead of going through commitBoardChange.
    const annotations = data.annotations.map((annotation) => {
      const author = analysts.find((analyst) => analyst.id === idOf(userIds, annotation.authorEmail));
      if (!author) throw new Error(`Demo data names no analyst ${annotation.authorEmail}`);
      const target = demoTarget(annotation.target, (entity, key) => idOf(entityIds[entity], key), firstVersionOf);
      return newAnnotation({
        // The server derives a passage's context and anchor from the stored text, as for annotation:create.
        passage: isPassage(target) ? passageFacts(target, passageTexts) : undefined,
        create: {
          id: randomUUID(),
          boardId,
          target,
          body: annotation.body,
          kind: annotation.kind,
          confidence: annotation.confidence,
          tags: annotation.tags,
        },
        author,
        mentioned: mentionedMembers(analysts, annotation.body, author.id),
        createdAt: new Date(annotation.createdAt),
      });
    });
    await assertTargetsOnBoard(
      tx,
      boardId,
      annotations.map(({ annotation }) => annotation.target),
    );
    // Every row written so far is logged as its created op (issue 19), read back before the revisions
    // move the report on: an op carries the thing as it was when logged.
    const itemOfRow = new Map<string, string>([
      ...[...sourceIds].map(([key, id]): [string, string] => [id, `source:${key}`]),
      ...[...eventIds].map(([key, id]): [string, string] => [id, `event:${key}`]),
      ...[...indicatorIds].map(([key, id]): [string, string] => [id, `indicator:${key}`]),
      ...observationItems,
    ]);
    // Sources are the owner's; events, indicators and figures the editor's (the handover's "others").
    const [owner, editor] = data.analysts.map((analyst) => idOf(userIds, analyst.email));
    const opsByItem = await demoContentOps(tx, boardId, itemOfRow, { sources: owner ?? null, facts: editor ?? null });
    const noteOps = await insertAnnotations(tx, boardId, annotations);
    noteOps.forEach((op, index) => {
      opsByItem.set(noteItem(index), op);
    });
    for (const source of data.sources) {
      const revisions = source.revisions ?? [];
      for (const [index, revision] of revisions.entries()) {
        const revised = await reviseDemoSource(tx, {
          sourceId: idOf(sourceIds, source.key),
          version: index + 2,
          text: revision.text,
          authorId: idOf(userIds, revision.authorEmail),
          createdAt: new Date(revision.createdAt),
        });
        opsByItem.set(revisionItem(source.key, index), revised);
      }
    }
    await appendDemoLog(tx, boardId, schedule, opsByItem);
    await seedLastSeen(tx, boardId, schedule, userIds);
  });
  return { seeded: true, boardSlug: data.slug };
}
