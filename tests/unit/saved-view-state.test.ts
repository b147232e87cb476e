// Saved views in the page (components/board/views/saved-views.ts): a view's stored state and what the page
// shows, both ways, and the views kept live by the op log after view:list's seq.
import { describe, expect, it } from "vitest";
import { applyViewOps, bookOf, shownViewOf, viewNamed, viewStateOf } from "@/components/board/views/saved-views";
import { EMPTY_FILTER } from "@/lib/annotation-filter";
import type { WireOp } from "@/lib/ops";
import { type WireSavedView, ZSavedViewState } from "@/lib/schemas/shift";

const BOARD = "8c2f7a52-7b7e-4d8a-9a55-0d8f6f1d1c01";
const INDICATOR = "3f0c1a0e-2b7d-4c55-8f0e-6a1d2b3c4d5e";

const view = (id: string, name: string): WireSavedView => ({
  id,
  boardId: BOARD,
  name,
  state: { filters: {} },
  createdBy: null,
  updatedAt: "2026-12-06T18:00:00.000Z",
});

const op = (seq: number, type: "view.saved" | "view.deleted" | "board.updated", data: unknown): WireOp =>
  ({ boardId: BOARD, seq, type, actorId: null, at: "2026-12-06T18:00:00.000Z", data }) as WireOp;

describe("a view's state and the page", () => {
  it("keeps the filter's parameters with all their values, the range as instants, the indicators in order", () => {
    const state = viewStateOf({
      filter: { ...EMPTY_FILTER, kinds: ["assessment", "warning"], tags: ["border", "armour"], status: "open" },
      range: [Date.UTC(2022, 0, 1), Date.UTC(2022, 0, 9, 12)],
      indicatorIds: [INDICATOR],
    });
    expect(state).toEqual({
      filters: { tag: ["border", "armour"], kind: ["assessment", "warning"], status: ["open"] },
      indicatorIds: [INDICATOR],
      range: { from: "2022-01-01T00:00:00.000Z", to: "2022-01-09T12:00:00.000Z" },
    });
    // What the server's schema takes, unchanged.
    expect(ZSavedViewState.parse(state)).toEqual(state);
  });

  it("leaves out the range and the indicators when the page shows all of them", () => {
    expect(viewStateOf({ filter: EMPTY_FILTER, range: null, indicatorIds: null })).toEqual({ filters: {} });
  });

  it("gives back what it kept, and drops a parameter the page does not know", () => {
    const shown = {
      filter: { ...EMPTY_FILTER, kinds: ["question" as const], text: "convoy west" },
      range: [Date.UTC(2022, 0, 3), Date.UTC(2022, 0, 5)] as [number, number],
      indicatorIds: [INDICATOR],
    };
    expect(shownViewOf(viewStateOf(shown))).toEqual(shown);
    expect(shownViewOf({ filters: { colour: ["red"], status: ["resolved"] } })).toEqual({
      filter: { ...EMPTY_FILTER, status: "resolved" },
      range: null,
      indicatorIds: null,
    });
  });

  it("finds a view by its name as the server trims it", () => {
    const views = [view("a", "Morning brief"), view("b", "Night")];
    expect(viewNamed(views, "  Morning brief ")?.id).toBe("a");
    expect(viewNamed(views, "morning brief")).toBeUndefined();
  });
});

describe("the views kept live", () => {
  const listed = bookOf({ views: [view("b", "Night"), view("a", "Morning brief")], seq: 10 });

  it("lists by name and applies the view ops after the list's seq, in seq order", () => {
    expect(listed.views.map((v) => v.name)).toEqual(["Morning brief", "Night"]);
    const renamed = { ...view("b", "Afternoon"), state: { filters: { q: ["convoy"] } } };
    const { book, gap } = applyViewOps(listed, [
      op(12, "view.deleted", { id: "a" }),
      op(11, "view.saved", renamed),
      op(13, "board.updated", {}),
      op(14, "view.saved", view("c", "Border")),
    ]);
    expect(gap).toBe(false);
    expect(book.seq).toBe(14);
    expect(book.views.map((v) => [v.id, v.name])).toEqual([
      ["b", "Afternoon"],
      ["c", "Border"],
    ]);
  });

  it("skips ops the list already holds, and stops at a gap", () => {
    expect(applyViewOps(listed, [op(9, "view.deleted", { id: "a" }), op(10, "view.deleted", { id: "b" })])).toEqual({
      book: listed,
      gap: false,
    });
    const { book, gap } = applyViewOps(listed, [
      op(11, "view.saved", view("c", "Border")),
      op(13, "view.deleted", { id: "a" }),
    ]);
    expect(gap).toBe(true);
    expect(book.seq).toBe(11);
    expect(book.views.map((v) => v.id)).toEqual(["c", "a", "b"]);
  });
});
