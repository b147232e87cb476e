import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, filterThreads, parseFilter, serializeFilter } from "@/lib/annotation-filter";
import type { TAnnotationTarget, WireAnnotation } from "@/lib/schemas/annotation";

const SOURCE = "5a1c0f6e-0000-4000-8000-000000000001";
const OTHER = "5a1c0f6e-0000-4000-8000-000000000002";

function annotation(id: string, target: TAnnotationTarget): WireAnnotation {
  return {
    id,
    boardId: "b",
    author: { id: "u", name: "Alice" },
    target,
    body: "text",
    kind: "note",
    confidence: null,
    tags: [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions: [],
    createdAt: `2026-01-0${id.length}T00:00:00.000Z`,
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

const passage = (sourceId: string): TAnnotationTarget => ({
  type: "source-span",
  sourceId,
  version: 1,
  start: 0,
  end: 4,
  exact: "abcd",
});

describe('the annotation filter "On: this document"', () => {
  it("keeps only the threads on passages of that source", () => {
    const all = [
      annotation("a", passage(SOURCE)),
      annotation("bb", passage(OTHER)),
      annotation("ccc", { type: "board" }),
    ];
    const shown = filterThreads(all, { ...EMPTY_FILTER, sourceId: SOURCE });
    expect(shown.map((top) => top.id)).toEqual(["a"]);
    expect(filterThreads(all, EMPTY_FILTER)).toHaveLength(3);
  });

  it("is carried in the query string and dropped when absent", () => {
    const query = serializeFilter({ ...EMPTY_FILTER, sourceId: SOURCE }).toString();
    expect(query).toBe(`source=${SOURCE}`);
    expect(parseFilter(new URLSearchParams(query))).toEqual({ ...EMPTY_FILTER, sourceId: SOURCE });
    expect(parseFilter(new URLSearchParams(""))).toEqual(EMPTY_FILTER);
    expect(parseFilter(new URLSearchParams(`source=${"x".repeat(300)}`))).toEqual(EMPTY_FILTER);
  });
});
