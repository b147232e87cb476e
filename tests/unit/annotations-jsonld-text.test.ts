// The JSON-LD export written in pieces from a snapshot's text (server/w3c/annotations-jsonld.ts) is byte
// for byte the indented JSON.stringify of the collection, whatever the annotations and the title hold;
// replies whose thread lost its first annotation are left out, and the order is creation, then id.
import { describe, expect, it } from "vitest";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { annotationCollection, annotationsJsonLdText } from "@/server/w3c/annotations-jsonld";

const BASE_URL = "http://localhost:3000";
const PERSON = { id: "user-1", name: 'Ольга "Olya" Петрова' };

function annotation(index: number, overrides: Partial<WireAnnotation> = {}): WireAnnotation {
  const at = new Date(Date.UTC(2022, 0, 10, 9, index)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    boardId: "board-1",
    author: PERSON,
    target: { type: "board" },
    body: `Line one\nline "two" ${index}\t\u0000`,
    kind: index % 2 ? "warning" : "note",
    confidence: index % 2 ? "high" : null,
    tags: index % 3 ? ["troops", "rail"] : [],
    parentId: null,
    version: 1,
    resolvedAt: null,
    resolvedBy: null,
    automatic: false,
    mentions: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function snapshot(title: string, annotations: WireAnnotation[]): BoardSnapshot {
  return {
    board: { id: "board-1", slug: "board-1", title, description: "", handling: "" },
    events: [],
    indicators: [],
    sources: [],
    annotations,
    members: [],
  } as unknown as BoardSnapshot;
}

const whole = (board: BoardSnapshot) =>
  [...annotationsJsonLdText({ snapshotJson: JSON.stringify(board), baseUrl: BASE_URL })].join("");
const reference = (board: BoardSnapshot) => JSON.stringify(annotationCollection(board, BASE_URL), null, 2);

describe("the JSON-LD export in pieces", () => {
  it("equals JSON.stringify(collection, null, 2) with many annotations, line breaks and quotes in them", () => {
    const board = snapshot(
      "Kyiv – Київ",
      Array.from({ length: 25 }, (_, index) => annotation(index)),
    );
    expect(whole(board)).toBe(reference(board));
    expect(JSON.parse(whole(board)).total).toBe(25);
  });

  it("equals it with no annotations at all", () => {
    const board = snapshot("Empty", []);
    expect(whole(board)).toBe(reference(board));
  });

  it("equals it when the board title holds the very text that stands in for the items", () => {
    const board = snapshot("\u0000items\u0000", [annotation(1)]);
    expect(whole(board)).toBe(reference(board));
  });

  it("orders by creation then id, and leaves out replies whose first annotation is gone", () => {
    const first = annotation(2);
    const sameTime = annotation(1, { createdAt: first.createdAt, updatedAt: first.createdAt });
    const reply = annotation(3, { parentId: first.id });
    const orphan = annotation(4, { parentId: "00000000-0000-4000-8000-999999999999" });
    const items = annotationCollection(snapshot("Order", [reply, orphan, first, sameTime]), BASE_URL).first.items;
    expect(items.map((item) => item.id.slice(-2))).toEqual(["01", "02", "03"]);
  });
});
