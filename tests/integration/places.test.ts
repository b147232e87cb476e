// Places (issue 16) over a real socket and PostgreSQL: an event's place reaches every analyst on the board
// through its op, a fresh snapshot and a rejoin since a seq, and can be moved and cleared; a place a schema
// refuses is answered VALIDATION and never broadcast; a free point on the map is an annotation target of its
// own that survives a W3C export and import; and boards from before the migration keep their places.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireOp } from "@/lib/ops";
import type { TAnnotationTarget } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireEvent } from "@/lib/schemas/board";
import type { TEventCreateInput } from "@/lib/schemas/content";
import { PLACE_LIMITS, type WirePlace } from "@/lib/schemas/place";
import { placeOfColumns } from "@/server/content/place-columns";
import { MIGRATIONS_DIR, migrateDatabase } from "@/server/db/migrate";
import { demoBoardData } from "@/server/seed/demo-board-data";
import { exportAnnotationJsonLd } from "@/server/w3c/export-annotation-jsonld";
import { importAnnotationsJsonLd } from "@/server/w3c/import-annotations-jsonld";
import { barrierOp } from "../support/barrier";
import { createTestDatabase } from "../support/database";
import {
  annotationInput,
  makeAnalyst,
  makeBoard,
  type TestAnalyst,
  type TestBoard,
  type TestSocket,
} from "../support/factories";
import { withClient } from "../support/global-setup";
import { connectedSocket, joinedSocket, openTestApp, type TestApp } from "../support/open-test-app";
import { checkWebAnnotation, describeFailures } from "../support/w3c-conformance";

let app: TestApp;
let alice: TestAnalyst;
let bob: TestAnalyst;
let board: TestBoard;
let editor: TestSocket;
let watcher: TestSocket;
const editorOps: WireOp[] = [];
const watcherOps: WireOp[] = [];

const KYIV: WirePlace = { label: "Kyiv", longitude: 30.5238, latitude: 50.45466, gazetteerId: "geonames:703448" };
/** A dropped pin: no gazetteer entry, and a point south and west of Greenwich. */
const PIN: WirePlace = { label: "Pin off Tenerife", longitude: -16.25462, latitude: 28.46824 };

beforeAll(async () => {
  app = await openTestApp();
  [alice, bob] = await Promise.all([makeAnalyst(app, { name: "Alice Mercer" }), makeAnalyst(app)]);
  board = await makeBoard(app, [
    [alice, "editor"],
    [bob, "viewer"],
  ]);
  editor = await joinedSocket(app, alice, board, (socket) => socket.on("board:op", (op) => editorOps.push(op)));
  watcher = await joinedSocket(app, bob, board, (socket) => socket.on("board:op", (op) => watcherOps.push(op)));
});

afterAll(() => app?.stop());

const lastSeq = async () => (await app.db.board.findUniqueOrThrow({ where: { id: board.id } })).lastSeq;

/** The event as Bob's client would hold it from the next op on it after `seq`. */
async function seenByWatcher(eventId: string, afterSeq: number): Promise<WireEvent | null> {
  let seen: WireOp | undefined;
  await expect
    .poll(() => {
      seen = watcherOps.find(
        (op) =>
          op.seq > afterSeq && (op.type === "event.created" || op.type === "event.updated") && op.data.id === eventId,
      );
      return seen !== undefined;
    })
    .toBe(true);
  return seen && (seen.type === "event.created" || seen.type === "event.updated") ? seen.data : null;
}

/** The snapshot a newly connected socket of Bob's receives when it joins. */
async function freshSnapshot(): Promise<BoardSnapshot> {
  const fresh = await connectedSocket(app, bob);
  const joined = await fresh.emitWithAck("board:join", { boardId: board.id });
  fresh.disconnect();
  if (!joined.ok || !("snapshot" in joined)) throw new Error("no snapshot on join");
  return joined.snapshot;
}
const inFreshSnapshot = async (eventId: string) => (await freshSnapshot()).events.find(({ id }) => id === eventId);

/** The ops a rejoin since `seq` hands a client that was away. */
async function opsSince(seq: number): Promise<WireOp[]> {
  const joined = await watcher.emitWithAck("board:join", { boardId: board.id, sinceSeq: seq });
  if (!joined.ok || !("ops" in joined)) throw new Error("no ops on rejoin");
  return joined.ops;
}

const placeColumnsOf = (id: string) =>
  app.db.event.findUniqueOrThrow({
    where: { id },
    select: { placeLabel: true, placeLongitude: true, placeLatitude: true, placeGazetteerId: true },
  });

const eventInput = (place: unknown): TEventCreateInput => ({
  id: randomUUID(),
  boardId: board.id,
  title: "Column sighted",
  occurredAt: "2022-01-11T06:00:00Z",
  category: "military",
  place: place as WirePlace,
});

describe("an event's place", () => {
  it("reaches another analyst through the op, a fresh snapshot and a rejoin since a seq", async () => {
    const before = await lastSeq();
    const input = eventInput(KYIV);

    const created = await editor.emitWithAck("event:create", input);

    expect(created.ok && created.event.place).toEqual(KYIV);
    expect((await seenByWatcher(input.id, before))?.place).toEqual(KYIV);
    expect((await inFreshSnapshot(input.id))?.place).toEqual(KYIV);
    const missed = (await opsSince(before)).find((op) => op.type === "event.created" && op.data.id === input.id);
    expect(missed?.type === "event.created" && missed.data.place).toEqual(KYIV);
    expect(await placeColumnsOf(input.id)).toEqual({
      placeLabel: "Kyiv",
      placeLongitude: KYIV.longitude,
      placeLatitude: KYIV.latitude,
      placeGazetteerId: "geonames:703448",
    });
  });

  it("moves to a dropped pin, stays put when an update leaves it out, and is cleared by null", async () => {
    const input = eventInput(KYIV);
    expect((await editor.emitWithAck("event:create", input)).ok).toBe(true);

    const beforeMove = await lastSeq();
    const moved = await editor.emitWithAck("event:update", { id: input.id, boardId: board.id, place: PIN });
    // A pin has no gazetteer id: the old one must not survive the move.
    expect(moved.ok && moved.event.place).toEqual(PIN);
    expect((await seenByWatcher(input.id, beforeMove))?.place).toEqual(PIN);
    expect((await placeColumnsOf(input.id)).placeGazetteerId).toBeNull();

    const beforeRename = await lastSeq();
    const renamed = await editor.emitWithAck("event:update", { id: input.id, boardId: board.id, title: "Renamed" });
    expect(renamed.ok && renamed.event.place).toEqual(PIN);
    expect((await seenByWatcher(input.id, beforeRename))?.place).toEqual(PIN);

    const beforeClear = await lastSeq();
    const cleared = await editor.emitWithAck("event:update", { id: input.id, boardId: board.id, place: null });
    expect(cleared.ok && cleared.event.place).toBeNull();
    expect((await seenByWatcher(input.id, beforeClear))?.place).toBeNull();
    expect((await inFreshSnapshot(input.id))?.place).toBeNull();
    expect(await placeColumnsOf(input.id)).toEqual({
      placeLabel: null,
      placeLongitude: null,
      placeLatitude: null,
      placeGazetteerId: null,
    });
  });

  it("is refused off the globe, unnamed, too long or with an unknown gazetteer id, and nothing is broadcast", async () => {
    const existing = eventInput(KYIV);
    expect((await editor.emitWithAck("event:create", existing)).ok).toBe(true);
    const before = await lastSeq();
    const bad: [unknown, string][] = [
      [{ ...KYIV, longitude: 181 }, "longitude"],
      [{ ...KYIV, longitude: -180.0001 }, "longitude"],
      [{ ...KYIV, latitude: -91 }, "latitude"],
      [{ ...KYIV, latitude: 90.5 }, "latitude"],
      [{ ...KYIV, label: "" }, "label"],
      [{ ...KYIV, label: "   " }, "label"],
      [{ ...KYIV, label: "K".repeat(PLACE_LIMITS.label + 1) }, "label"],
      [{ ...KYIV, gazetteerId: "osm:703448" }, "gazetteerId"],
      [{ ...KYIV, gazetteerId: "geonames:Kyiv" }, "gazetteerId"],
      [{ ...KYIV, gazetteerId: "country:ua" }, "gazetteerId"],
    ];
    for (const [place, field] of bad) {
      const created = await editor.emitWithAck("event:create", eventInput(place));
      const updated = await editor.emitWithAck("event:update", {
        id: existing.id,
        boardId: board.id,
        place: place as WirePlace,
      });
      for (const answer of [created, updated]) {
        expect(answer.ok ? "accepted" : answer.error.code, JSON.stringify(place)).toBe("VALIDATION");
        expect(answer.ok ? [] : answer.error.issues?.map((issue) => issue.path)).toContainEqual(["place", field]);
      }
    }

    const barrier = await barrierOp(editor, board, [watcherOps, editorOps]);
    expect(watcherOps.filter((op) => op.seq > before).map((op) => op.seq)).toEqual([barrier.seq]);
    expect(barrier.seq).toBe(before + 1);
    expect((await placeColumnsOf(existing.id)).placeLabel).toBe("Kyiv");
  });
});

/** Yelnya, where the build-up's camps were photographed: the kind of point a note is left on. */
const YELNYA: TAnnotationTarget = { type: "place", lon: 33.18, lat: 54.57, label: "Yelnya" };

describe("a place on the map as an annotation target", () => {
  it("is stored, broadcast and in the snapshot as it was sent", async () => {
    const before = await lastSeq();
    const input = annotationInput(board, { target: YELNYA, body: "Camps visible on the 9 January pass." });

    const created = await editor.emitWithAck("annotation:create", input);

    expect(created.ok && created.annotation.target).toEqual(YELNYA);
    await expect
      .poll(() => watcherOps.find((op) => op.seq > before && op.type === "annotation.created"))
      .toMatchObject({ data: { id: input.id, target: YELNYA } });
    const { annotations } = await freshSnapshot();
    expect(annotations.find((annotation) => annotation.id === input.id)?.target).toEqual(YELNYA);
    expect(
      await app.db.annotation.findUniqueOrThrow({
        where: { id: input.id },
        select: { targetType: true, placeLon: true, placeLat: true, placeLabel: true, eventId: true },
      }),
    ).toEqual({ targetType: "place", placeLon: 33.18, placeLat: 54.57, placeLabel: "Yelnya", eventId: null });
  });

  it("is refused off the globe or badly named, and nothing is broadcast", async () => {
    const before = await lastSeq();
    const bad: [unknown, string][] = [
      [{ ...YELNYA, lon: 181 }, "lon"],
      [{ ...YELNYA, lon: -181 }, "lon"],
      [{ ...YELNYA, lat: -91 }, "lat"],
      [{ ...YELNYA, lat: 91 }, "lat"],
      [{ ...YELNYA, lon: "33.18" }, "lon"],
      [{ ...YELNYA, label: "" }, "label"],
      [{ ...YELNYA, label: " \n " }, "label"],
      [{ ...YELNYA, label: "Y".repeat(PLACE_LIMITS.label + 1) }, "label"],
      [{ type: "place", lon: 33.18, lat: 54.57 }, "label"],
    ];
    for (const [target, field] of bad) {
      const answer = await editor.emitWithAck(
        "annotation:create",
        annotationInput(board, { target: target as TAnnotationTarget }),
      );
      expect(answer.ok ? "accepted" : answer.error.code, JSON.stringify(target)).toBe("VALIDATION");
      expect(answer.ok ? [] : answer.error.issues?.map((issue) => issue.path)).toContainEqual(["target", field]);
    }
    const extra = await editor.emitWithAck(
      "annotation:create",
      annotationInput(board, { target: { ...YELNYA, gazetteerId: "geonames:1" } as TAnnotationTarget }),
    );
    expect(extra.ok ? "accepted" : extra.error.code).toBe("VALIDATION");

    const barrier = await barrierOp(editor, board, [watcherOps, editorOps]);
    expect(watcherOps.filter((op) => op.seq > before).map((op) => op.seq)).toEqual([barrier.seq]);
  });

  it("is exported as a W3C SpecificResource of a geo URI that passes the model's MUSTs, and imported back", async () => {
    const input = annotationInput(board, { target: YELNYA, body: "Second battalion group arrived." });
    expect((await editor.emitWithAck("annotation:create", input)).ok).toBe(true);

    const exported = await exportAnnotationJsonLd({
      db: app.db,
      actor: bob,
      slug: board.slug,
      baseUrl: app.url,
      id: input.id,
    });

    expect(exported.target).toEqual({
      type: "SpecificResource",
      source: "geo:54.57,33.18",
      scope: `${app.url}/api/boards/${board.slug}`,
      label: "Yelnya",
    });
    const report = checkWebAnnotation(exported);
    expect(report.failures, describeFailures(report)).toEqual([]);
    expect(report.notRun).toEqual([]);

    const other = await makeBoard(app, [[alice, "editor"]]);
    const imported = await importAnnotationsJsonLd({
      domain: app.domain,
      actor: alice,
      slug: other.slug,
      input: exported,
    });
    expect(imported).toMatchObject({ imported: 1, skipped: 0 });
    const row = await app.db.annotation.findFirstOrThrow({ where: { boardId: other.id, body: input.body } });
    expect({ lon: row.placeLon, lat: row.placeLat, label: row.placeLabel }).toEqual({
      lon: 33.18,
      lat: 54.57,
      label: "Yelnya",
    });
  });

  it("imports a point from another tool: a geo URI with parameters and no label, or refuses one off the globe", async () => {
    const other = await makeBoard(app, [[alice, "editor"]]);
    const foreign = (id: string, target: unknown) => ({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `https://elsewhere.example/notes/${id}`,
      type: "Annotation",
      bodyValue: `Note ${id}`,
      target,
    });

    const imported = await importAnnotationsJsonLd({
      domain: app.domain,
      actor: alice,
      slug: other.slug,
      input: foreign("1", { type: "SpecificResource", source: "GEO:-33.45694,-70.66925,520;crs=wgs84;u=30" }),
    });
    expect(imported.imported).toBe(1);
    const row = await app.db.annotation.findFirstOrThrow({ where: { boardId: other.id, body: "Note 1" } });
    expect({ lon: row.placeLon, lat: row.placeLat, label: row.placeLabel }).toEqual({
      lon: -70.66925,
      lat: -33.45694,
      label: "33.46° S, 70.67° W",
    });

    for (const source of ["geo:91,0", "geo:0,181", "geo:0,0;crs=nad27", "geo:north,east"]) {
      await expect(
        importAnnotationsJsonLd({
          domain: app.domain,
          actor: alice,
          slug: other.slug,
          input: foreign(source, { type: "SpecificResource", source, label: "Somewhere" }),
        }),
        source,
      ).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect(await app.db.annotation.count({ where: { boardId: other.id } })).toBe(1);
  });
});

describe("the places migration", () => {
  const PLACES_MIGRATION = "20261206160000_places";

  it("locates the demo's old place labels as the seed does, and keeps any other label in the description", async () => {
    const database = await createTestDatabase({ migrated: false });
    const dir = await mkdtemp(path.join(os.tmpdir(), "wf-places-migration-"));
    try {
      // The migrations before this one: a database as it stood when places were text.
      await cp(MIGRATIONS_DIR, dir, {
        recursive: true,
        filter: (source) => path.basename(source) < PLACES_MIGRATION || !/^\d{14}_/.test(path.basename(source)),
      });
      await migrateDatabase(database.url, dir);
      const boardId = randomUUID();
      const old = [
        ...demoBoardData.events.map((event) => ({
          key: event.key,
          place: event.place.label,
          description: "As seeded.",
        })),
        { key: "unknown", place: "Kharkiv oblast", description: "Two columns." },
        { key: "loosely typed", place: "  vienna ", description: "" },
        { key: "unknown-bare", place: "Somewhere east", description: "" },
        { key: "none", place: null, description: "No place." },
        { key: "blank", place: "  ", description: "Blank place." },
      ];
      await withClient(database.url, async (client) => {
        await client.query(
          `INSERT INTO "Board" (id, slug, title, "updatedAt") VALUES ($1, 'old-board', 'Old', now())`,
          [boardId],
        );
        for (const event of old) {
          await client.query(
            `INSERT INTO "Event" (id, "boardId", title, "occurredAt", category, place, description, "updatedAt")
             VALUES ($1, $2, $3, now(), 'diplomatic', $4, $5, now())`,
            [randomUUID(), boardId, event.key, event.place, event.description],
          );
        }
      });

      await cp(path.join(MIGRATIONS_DIR, PLACES_MIGRATION), path.join(dir, PLACES_MIGRATION), { recursive: true });
      expect((await migrateDatabase(database.url, dir)).applied).toEqual([PLACES_MIGRATION]);

      const rows = await withClient(database.url, async (client) => {
        const result = await client.query(
          `SELECT title, description, "placeLabel", "placeLongitude", "placeLatitude", "placeGazetteerId" FROM "Event"`,
        );
        return new Map(result.rows.map((row) => [row.title as string, row]));
      });
      for (const event of demoBoardData.events) {
        const row = rows.get(event.key);
        expect(row && placeOfColumns(row), event.key).toEqual(event.place);
        expect(row?.description).toBe("As seeded.");
      }
      expect(rows.get("unknown")).toMatchObject({
        placeLabel: null,
        description: "Two columns.\n\nPlace (not located): Kharkiv oblast",
      });
      expect(rows.get("unknown-bare")).toMatchObject({
        placeLabel: null,
        description: "Place (not located): Somewhere east",
      });
      expect(rows.get("none")).toMatchObject({ placeLabel: null, description: "No place." });
      expect(rows.get("blank")).toMatchObject({ placeLabel: null, description: "Blank place." });
      expect(rows.get("loosely typed")).toMatchObject({
        placeLabel: "vienna",
        placeLongitude: 16.37208,
        placeLatitude: 48.20849,
        description: "",
      });

      // A place is whole or absent: a label without coordinates, or coordinates without a label, is refused.
      for (const partial of [
        `"placeLabel" = 'Nowhere', "placeLongitude" = NULL, "placeLatitude" = NULL`,
        `"placeLabel" = 'Half', "placeLongitude" = 10, "placeLatitude" = NULL`,
        `"placeLabel" = NULL, "placeLongitude" = 10, "placeLatitude" = 10`,
      ]) {
        await expect(
          withClient(database.url, (client) => client.query(`UPDATE "Event" SET ${partial} WHERE title = 'none'`)),
          partial,
        ).rejects.toThrow(/Event_place_whole/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
