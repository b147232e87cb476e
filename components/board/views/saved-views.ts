// Saved views in the page (issue 19): the board's views as view:list answered them and the view ops since
// (like the document pane's candidates, ../document/candidate-book.ts), and the translation between a
// view's stored state and what the page shows — the annotation filter in the URL, the charts' shared time
// range and the indicators shown.
import { type AnnotationFilter, parseFilter, serializeFilter } from "@/lib/annotation-filter";
import type { TimeRange } from "@/lib/charts/time-range";
import type { WireOp } from "@/lib/ops";
import type { TSavedViewState, WireSavedView } from "@/lib/schemas/shift";

export type ViewBook = {
  /** The board seq the views are up to date with. */
  seq: number;
  /** By name. */
  views: readonly WireSavedView[];
};

export function bookOf(answer: { views: readonly WireSavedView[]; seq: number }): ViewBook {
  return { seq: answer.seq, views: byName(answer.views) };
}

/** Adds or replaces a view (an ack's, or an op's); the seq is left as it is. */
export function withView(book: ViewBook, view: WireSavedView): ViewBook {
  return { ...book, views: byName([...book.views.filter((shown) => shown.id !== view.id), view]) };
}

export function withoutView(book: ViewBook, id: string): ViewBook {
  return book.views.some((view) => view.id === id)
    ? { ...book, views: book.views.filter((view) => view.id !== id) }
    : book;
}

/**
 * Applies the ops after the book's seq, in seq order. `gap`: an op between was not among them (the page
 * took a fresh snapshot, say), so the book stops there and the views must be listed again.
 */
export function applyViewOps(book: ViewBook, ops: readonly WireOp[]): { book: ViewBook; gap: boolean } {
  let current = book;
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    if (op.seq <= current.seq) continue;
    if (op.seq !== current.seq + 1) return { book: current, gap: true };
    if (op.type === "view.saved") current = withView(current, op.data);
    else if (op.type === "view.deleted") current = withoutView(current, op.data.id);
    current = { ...current, seq: op.seq };
  }
  return { book: current, gap: false };
}

/** What the page shows that a view keeps. `indicatorIds` null: every indicator. */
export type ShownView = { filter: AnnotationFilter; range: TimeRange | null; indicatorIds: readonly string[] | null };

export function viewStateOf(shown: ShownView): TSavedViewState {
  const filters: Record<string, string[]> = {};
  const params = serializeFilter(shown.filter);
  for (const name of new Set(params.keys())) filters[name] = params.getAll(name);
  return {
    filters,
    ...(shown.indicatorIds ? { indicatorIds: [...shown.indicatorIds] } : {}),
    ...(shown.range
      ? { range: { from: new Date(shown.range[0]).toISOString(), to: new Date(shown.range[1]).toISOString() } }
      : {}),
  };
}

/** The page a view restores; a parameter the page no longer knows is dropped, as a hand-edited URL's is. */
export function shownViewOf(state: TSavedViewState): ShownView {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.append(name, value);
  return {
    filter: parseFilter(params),
    range: state.range ? [Date.parse(state.range.from), Date.parse(state.range.to)] : null,
    indicatorIds: state.indicatorIds ?? null,
  };
}

/** The view named `name` (names are unique on a board, trimmed as the server trims them). */
export function viewNamed(views: readonly WireSavedView[], name: string): WireSavedView | undefined {
  const wanted = name.trim();
  return views.find((view) => view.name === wanted);
}

function byName(views: readonly WireSavedView[]): WireSavedView[] {
  return [...views].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
