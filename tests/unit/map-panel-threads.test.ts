// A marker click brings the event's newest thread into view: which thread that is.
import { describe, expect, it } from "vitest";
import { newestThreadOn } from "@/components/board/map/event-threads";
import { indexAnnotations } from "@/lib/annotation-index";
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
