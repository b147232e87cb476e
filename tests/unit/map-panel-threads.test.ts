// The threads the map reaches: the event's newest one a marker click brings into view, and the notes on
// free points it pins.
import { describe, expect, it } from "vitest";
import { newestThreadOn } from "@/components/board/map/event-threads";
import { placeNotesOf, samePlaceNotes } from "@/components/board/map/place-notes";
import { indexAnnotations, removeAnnotation, upsertAnnotation } from "@/lib/annotation-index";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";

const START = Date.UTC(2022, 0, 10);

function note(id: string, second: number, target: TAnnotationTarget, parentId: string | null = null): WireAnnotation {
  return {
    id,
    target,
    parentId,
    author: { id: "author", name: "Alice" },
    tags: [],
    createdAt: new Date(START + second * 1000).toISOString(),
  } as unknown as WireAnnotation;
}

const onGeneva: TAnnotationTarget = { type: "event", eventId: "geneva" };

describe("the thread a marker click shows", () => {
  it("is the newest thread on the event, not a newer reply's nor another event's", () => {
    const index = indexAnnotations([
      note("old", 1, onGeneva),
      note("newer", 2, onGeneva),
      note("on-vienna", 3, { type: "event", eventId: "vienna" }),
      note("reply-to-old", 4, onGeneva, "old"),
      note("on-board", 5, { type: "board" }),
    ]);
    expect(newestThreadOn(index, "geneva")).toBe("newer");
    expect(newestThreadOn(index, "vienna")).toBe("on-vienna");
  });

  it("is none when the event has no notes", () => {
    expect(newestThreadOn(indexAnnotations([note("on-board", 1, { type: "board" })]), "geneva")).toBeNull();
  });
});

describe("the notes pinned on the map", () => {
  const kyiv: TAnnotationTarget = { type: "place", lon: 30.52, lat: 50.45, label: "Kyiv" };
  const odesa: TAnnotationTarget = { type: "place", lon: 30.73, lat: 46.48, label: "Odesa" };

  it("are the threads on free points, each where its top note was written, not replies nor other targets", () => {
    const index = indexAnnotations([
      note("on-kyiv", 1, kyiv),
      note("on-geneva", 2, onGeneva),
      note("on-odesa", 3, odesa),
      note("reply-on-kyiv", 4, kyiv, "on-kyiv"),
      note("on-board", 5, { type: "board" }),
    ]);
    expect(placeNotesOf(index)).toEqual([
      { threadId: "on-odesa", longitude: 30.73, latitude: 46.48, label: "Odesa" },
      { threadId: "on-kyiv", longitude: 30.52, latitude: 50.45, label: "Kyiv" },
    ]);
  });

  it("are the same list while no pin changes", () => {
    const before = placeNotesOf(indexAnnotations([note("on-kyiv", 1, kyiv), note("on-geneva", 2, onGeneva)]));
    const withReply = placeNotesOf(
      indexAnnotations([note("on-kyiv", 1, kyiv), note("on-geneva", 2, onGeneva), note("r", 3, kyiv, "on-kyiv")]),
    );
    const renamed = placeNotesOf(indexAnnotations([note("on-kyiv", 1, { ...kyiv, label: "Kyiv centre" })]));
    const moved = placeNotesOf(indexAnnotations([note("on-kyiv", 1, { ...kyiv, lat: 50.4 })]));
    expect(samePlaceNotes(before, withReply)).toBe(true);
    expect(samePlaceNotes(before, renamed)).toBe(false);
    expect(samePlaceNotes(before, moved)).toBe(false);
    expect(samePlaceNotes(before, [])).toBe(false);
  });

  it("are found without walking the board's other threads", () => {
    const others = Array.from({ length: 500 }, (_, at) => note(`on-event-${at}`, 10 + at, onGeneva));
    const index = indexAnnotations([note("on-kyiv", 1, kyiv), ...others, note("on-odesa", 2, odesa)]);
    let lookups = 0;
    const counted = new Proxy(index.threads, {
      get(threads, name) {
        const value = Reflect.get(threads, name, threads);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          lookups += 1;
          return value.apply(threads, args);
        };
      },
    });
    expect(placeNotesOf({ ...index, threads: counted }).map((pin) => pin.threadId)).toEqual(["on-odesa", "on-kyiv"]);
    expect(lookups).toBeLessThanOrEqual(4);
  });

  it("follow notes and replies as they come and go, one at a time, as a full build has them", () => {
    const top = note("on-kyiv", 1, kyiv);
    const reply = note("reply", 2, kyiv, "on-kyiv");
    let index = indexAnnotations([]);
    index = upsertAnnotation(index, top);
    index = upsertAnnotation(index, reply);
    index = upsertAnnotation(index, note("on-odesa", 3, odesa));
    expect(placeNotesOf(index)).toEqual(placeNotesOf(indexAnnotations([top, reply, note("on-odesa", 3, odesa)])));
    expect(placeNotesOf(index).map((pin) => pin.threadId)).toEqual(["on-odesa", "on-kyiv"]);
    // The top note gone, its reply heads a thread of its own and is pinned in its place.
    index = removeAnnotation(index, "on-kyiv");
    expect(placeNotesOf(index).map((pin) => pin.threadId)).toEqual(["on-odesa", "reply"]);
    index = removeAnnotation(index, "on-odesa");
    expect(placeNotesOf(index).map((pin) => pin.threadId)).toEqual(["reply"]);
  });
});
