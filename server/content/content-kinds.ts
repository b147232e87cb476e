// How the server stores each kind of board fact (lib/content/content-kinds.ts declares the rest). The
// create, update and delete services, their replays and socket handlers are the same for every kind
// (content-services.ts); an entry holds only what is truly its kind's own: its rows.
import { randomUUID } from "node:crypto";
import type { ContentCreateInput, ContentKindName, ContentUpdateInput, ContentWire } from "@/lib/content/content-kinds";
import type { OpDataByType } from "@/lib/ops";
import type { Database } from "../db/client";
import type { TransactionClient } from "../db/transaction";
import { AppError } from "../errors";
import { placeColumns } from "./place-columns";
import { toWireEvent, toWireIndicator, toWireObservation, toWireSource } from "./to-wire";

type Ref = { id: string; boardId: string };
type Reader = Database | TransactionClient;

export type ContentStorage<K extends ContentKindName> = {
  /** The stored item with the board it is on, whatever the board: a replayed create answers it. */
  find(db: Reader, id: string): Promise<{ boardId: string; wire: ContentWire[K] } | null>;
  /** How many of these ids are on the board: the same-board check for references to this kind. */
  countOnBoard(db: Reader, boardId: string, ids: string[]): Promise<number>;
  /** The actor is who wrote what comes with it (a source's first document version). */
  insert(tx: TransactionClient, input: ContentCreateInput<K>, actor: { id: string }): Promise<ContentWire[K]>;
  /** Answers null when the item is not on this board. */
  update(tx: TransactionClient, input: ContentUpdateInput<K>): Promise<ContentWire[K] | null>;
  /** Answers the deleted op's data, or null when the item is not on this board. */
  remove(tx: TransactionClient, ref: Ref): Promise<OpDataByType[`${K}.deleted`] | null>;
};

const WITH_SOURCES = { sources: { select: { sourceId: true } } } as const;
const linkSources = (sourceIds: string[]) => ({ create: [...new Set(sourceIds)].map((sourceId) => ({ sourceId })) });
const toDate = (iso: string | null | undefined) =>
  iso === undefined ? undefined : iso === null ? null : new Date(iso);
/** The database decides what goes with a deleted fact (foreign keys): see delete in docs/realtime.md. */
const removed = (count: number, id: string) => (count === 0 ? null : { id });

const event: ContentStorage<"event"> = {
  async find(db, id) {
    const row = await db.event.findUnique({ where: { id }, include: WITH_SOURCES });
    return row && { boardId: row.boardId, wire: toWireEvent(row) };
  },
  countOnBoard: (db, boardId, ids) => db.event.count({ where: { boardId, id: { in: ids } } }),
  async insert(tx, { sourceIds, occurredAt, endsAt, place, ...fields }) {
    const row = await tx.event.create({
      data: {
        ...fields,
        ...placeColumns(place),
        occurredAt: new Date(occurredAt),
        endsAt: toDate(endsAt),
        sources: linkSources(sourceIds),
      },
      include: WITH_SOURCES,
    });
    return toWireEvent(row);
  },
  async update(tx, { id, boardId, sourceIds, occurredAt: newStart, endsAt: newEnd, place, ...fields }) {
    const existing = await tx.event.findFirst({ where: { id, boardId } });
    if (!existing) return null;
    // The update may change only one end of the event: the other comes from the stored row.
    const occurredAt = newStart ? new Date(newStart) : existing.occurredAt;
    const endsAt = newEnd === undefined ? existing.endsAt : toDate(newEnd);
    if (endsAt && endsAt < occurredAt)
      throw new AppError("VALIDATION", "An event cannot end before it starts", [
        { path: ["endsAt"], message: "ends before it starts" },
      ]);
    if (sourceIds) await tx.eventSource.deleteMany({ where: { eventId: id } });
    const row = await tx.event.update({
      where: { id },
      data: {
        ...fields,
        // Absent leaves the place as it is; null clears all four columns.
        ...(place === undefined ? {} : placeColumns(place)),
        occurredAt,
        endsAt,
        ...(sourceIds ? { sources: linkSources(sourceIds) } : {}),
      },
      include: WITH_SOURCES,
    });
    return toWireEvent(row);
  },
  remove: async (tx, { id, boardId }) => removed((await tx.event.deleteMany({ where: { id, boardId } })).count, id),
};

const source: ContentStorage<"source"> = {
  async find(db, id) {
    const row = await db.source.findUnique({ where: { id } });
    return row && { boardId: row.boardId, wire: toWireSource(row) };
  },
  countOnBoard: (db, boardId, ids) => db.source.count({ where: { boardId, id: { in: ids } } }),
  // Text given at creation is version 1 of the source's document; none leaves it at version 0.
  async insert(tx, { publishedAt, text, ...fields }, actor) {
    const firstVersion = text
      ? {
          currentVersion: 1,
          versions: { create: { id: randomUUID(), version: 1, text, format: "text", authorId: actor.id } },
        }
      : {};
    return toWireSource(
      await tx.source.create({ data: { ...fields, publishedAt: toDate(publishedAt), ...firstVersion } }),
    );
  },
  async update(tx, { id, boardId, publishedAt, ...fields }) {
    if (!(await tx.source.count({ where: { id, boardId } }))) return null;
    return toWireSource(
      await tx.source.update({ where: { id }, data: { ...fields, publishedAt: toDate(publishedAt) } }),
    );
  },
  remove: async (tx, { id, boardId }) => removed((await tx.source.deleteMany({ where: { id, boardId } })).count, id),
};

const indicator: ContentStorage<"indicator"> = {
  async find(db, id) {
    const row = await db.indicator.findUnique({ where: { id } });
    return row && { boardId: row.boardId, wire: toWireIndicator(row) };
  },
  countOnBoard: (db, boardId, ids) => db.indicator.count({ where: { boardId, id: { in: ids } } }),
  insert: async (tx, input) => toWireIndicator(await tx.indicator.create({ data: input })),
  async update(tx, { id, boardId, ...fields }) {
    if (!(await tx.indicator.count({ where: { id, boardId } }))) return null;
    return toWireIndicator(await tx.indicator.update({ where: { id }, data: fields }));
  },
  remove: async (tx, { id, boardId }) => removed((await tx.indicator.deleteMany({ where: { id, boardId } })).count, id),
};

// A figure is on the board its indicator is on: it has no board column of its own.
const observation: ContentStorage<"observation"> = {
  async find(db, id) {
    const row = await db.observation.findUnique({
      where: { id },
      include: { indicator: { select: { boardId: true } } },
    });
    return row && { boardId: row.indicator.boardId, wire: toWireObservation(row) };
  },
  countOnBoard: (db, boardId, ids) => db.observation.count({ where: { id: { in: ids }, indicator: { boardId } } }),
  async insert(tx, { boardId: _boardId, observedAt, ...fields }) {
    return toWireObservation(await tx.observation.create({ data: { ...fields, observedAt: new Date(observedAt) } }));
  },
  async update(tx, { id, boardId, observedAt, ...fields }) {
    if (!(await tx.observation.count({ where: { id, indicator: { boardId } } }))) return null;
    const row = await tx.observation.update({
      where: { id },
      data: { ...fields, ...(observedAt ? { observedAt: new Date(observedAt) } : {}) },
    });
    return toWireObservation(row);
  },
  async remove(tx, { id, boardId }) {
    const existing = await tx.observation.findFirst({ where: { id, indicator: { boardId } } });
    if (!existing) return null;
    await tx.observation.delete({ where: { id } });
    return { id, indicatorId: existing.indicatorId };
  },
};

export const CONTENT_STORAGE: { [K in ContentKindName]: ContentStorage<K> } = { event, source, indicator, observation };
