import { describe, expect, it } from "vitest";
import { documentPassages } from "@/components/board/document/passages";
import type { AnnotationThread } from "@/lib/annotation-filter";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { WireAnchor } from "@/lib/schemas/document";
import { ShardedMap } from "@/lib/sharded-map";

const SOURCE = "5a1c0f6e-0000-4000-8000-000000000001";
const OTHER = "5a1c0f6e-0000-4000-8000-000000000002";

function note(id: string, sourceId: string, written: { version: number; start: number }, anchor?: WireAnchor) {
  const annotation: WireAnnotation = {
    id,
    boardId: "b",
    author: { id: "u", name: "Alice" },
    target: {
      type: "source-span",
      sourceId,
      version: written.version,
      start: written.start,
      end: written.start + 4,
      exact: "abcd",
    },
    body: "text",
    kind: "question",
    confidence: null,
    tags: [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...(anchor ? { anchor } : {}),
  };
  return annotation;
}

function threadsOf(annotations: WireAnnotation[]) {
  const byHead = ShardedMap.from(
    annotations.map((top) => [top.id, { top, replies: [] } satisfies AnnotationThread] as const),
  );
  return { order: annotations.map(({ id }) => id), byHead };
}

describe("the passages a document pane draws", () => {
  const moved = note(
    "moved",
    SOURCE,
    { version: 1, start: 10 },
    { status: "anchored", version: 3, start: 50, end: 54 },
  );
  const lost = note("lost", SOURCE, { version: 2, start: 20 }, { status: "orphaned", version: 3 });
  const fresh = note(
    "fresh",
    SOURCE,
    { version: 3, start: 70 },
    { status: "anchored", version: 3, start: 70, end: 74 },
  );
  const elsewhere = note(
    "elsewhere",
    OTHER,
    { version: 3, start: 0 },
    { status: "anchored", version: 3, start: 0, end: 4 },
  );
  const threads = threadsOf([moved, lost, fresh, elsewhere]);

  it("in the current version, puts each note at its anchor and lists the orphans", () => {
    const { highlights, orphans } = documentPassages(threads, SOURCE, 3, 3);
    expect(highlights.map(({ id, start, end, kind }) => [id, start, end, kind])).toEqual([
      ["moved", 50, 54, "question"],
      ["fresh", 70, 74, "question"],
    ]);
    expect(orphans.map(({ id }) => id)).toEqual(["lost"]);
  });

  it("in an older version, puts the notes written on it at their own span, the orphan included", () => {
    expect(documentPassages(threads, SOURCE, 1, 3).highlights.map(({ id, start }) => [id, start])).toEqual([
      ["moved", 10],
    ]);
    expect(documentPassages(threads, SOURCE, 2, 3).highlights.map(({ id, start }) => [id, start])).toEqual([
      ["lost", 20],
    ]);
  });
});
