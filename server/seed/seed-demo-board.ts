// Writes the demo board (demo-board-data.ts) and its three demo analysts. Used on the embedded
// database's first start and by `npm run seed:demo`; never automatically on a configured DATABASE_URL.
import { randomUUID } from "node:crypto";
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import { assertTargetsOnBoard } from "../annotations/find-target-problems";
import { recordRevision } from "../annotations/record-revision";
import { targetColumns } from "../annotations/target-columns";
import { ANNOTATION_INCLUDE, toWireAnnotation } from "../annotations/to-wire-annotation";
import type { Auth } from "../auth/create-auth";
import type { Database } from "../db/client";
import { appendOp } from "../ops/append-op";
import { createUser } from "../users/create-user";
import { demoBoardData } from "./demo-board-data";
import type { DemoAnnotationTarget } from "./demo-board-types";

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
  for (const analyst of data.analysts) {
    const existing = await db.user.findUnique({ where: { email: analyst.email }, select: { id: true } });
    const user =
      existing ??
      (await createUser({ auth, input: { email: analyst.email, name: analyst.name, password: DEMO_PASSWORD } }));
    userIds.set(analyst.email, user.id);
  }

  const boardId = randomUUID();
  const sourceIds = new Map(data.sources.map((source) => [source.key, randomUUID()]));
  const eventIds = new Map(data.events.map((event) => [event.key, randomUUID()]));
  const indicatorIds = new Map(data.indicators.map((indicator) => [indicator.key, randomUUID()]));
  const observationIds = new Map<string, string>();
  const idOf = (ids: Map<string, string>, key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo data refers to unknown key ${key}`);
    return id;
  };

  await db.$transaction(async (tx) => {
    await tx.board.create({ data: { id: boardId, slug: data.slug, title: data.title, description: data.description } });
    await tx.membership.createMany({
      data: data.analysts.map((analyst) => ({ boardId, userId: idOf(userIds, analyst.email), role: analyst.role })),
    });
    await tx.source.createMany({
      data: data.sources.map((source) => ({
        id: idOf(sourceIds, source.key),
        boardId,
        title: source.title,
        publisher: source.publisher,
        publishedAt: new Date(source.publishedAt),
        url: source.url ?? null,
        text: source.text,
        reliability: source.reliability,
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
          place: event.place,
          description: event.description,
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
        },
      });
      await tx.observation.createMany({
        data: indicator.observations.map((observation) => {
          const id = randomUUID();
          if (observation.key) observationIds.set(observation.key, id);
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
    const toTarget = (target: DemoAnnotationTarget): TAnnotationTarget => {
      switch (target.type) {
        case "board":
          return target;
        case "event":
          return { type: "event", eventId: idOf(eventIds, target.eventKey) };
        case "indicator":
          return { type: "indicator", indicatorId: idOf(indicatorIds, target.indicatorKey), at: target.at };
        case "indicator-range":
          return { ...target, indicatorId: idOf(indicatorIds, target.indicatorKey) };
        case "observation":
          return { type: "observation", observationId: idOf(observationIds, target.observationKey) };
      }
    };
    // Annotations go through the op log like any later write, so the activity history starts complete.
    const targets = data.annotations.map((annotation) => toTarget(annotation.target));
    await assertTargetsOnBoard(tx, boardId, targets);
    for (const [index, annotation] of data.annotations.entries()) {
      const authorId = idOf(userIds, annotation.authorEmail);
      const row = await tx.annotation.create({
        data: {
          id: randomUUID(),
          boardId,
          authorId,
          ...targetColumns(targets[index] as TAnnotationTarget),
          body: annotation.body,
          kind: annotation.kind,
          confidence: annotation.confidence ?? null,
          tags: annotation.tags,
          createdAt: new Date(annotation.createdAt),
        },
        include: ANNOTATION_INCLUDE,
      });
      await recordRevision(tx, row, authorId);
      await appendOp(tx, {
        boardId,
        type: "annotation.created",
        entityId: row.id,
        actorId: authorId,
        data: toWireAnnotation(row),
      });
    }
  });
  return { seeded: true, boardSlug: data.slug };
}
