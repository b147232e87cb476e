// How an indicator's values are drawn, the same on the board page and in exports: the value axis by the
// indicator's kind, its compact tick labels, and whether a series is sparse enough for dots.
import type { WireIndicator } from "@/lib/schemas/board";

/** Dots are drawn only while they stay apart; a dense series is a line. */
const MIN_PX_PER_DOT = 8;

const compactFormat = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

/** "1.2k", "35": value-axis labels stay short (en-GB compact notation). */
export function formatValueTick(value: number): string {
  return compactFormat.format(value);
}

/** A level runs 0–5 on every chart; counts and flags fit their data. */
export function valueDomain(kind: WireIndicator["kind"]): [number, number] | ["auto", "auto"] {
  return kind === "level" ? [0, 5] : ["auto", "auto"];
}

/** Counts are whole: no "2.5 troops" tick. */
export function allowsDecimals(kind: WireIndicator["kind"]): boolean {
  return kind !== "count";
}

/** Whether `pointCount` points drawn across `widthPx` are far enough apart to show each as a dot. */
export function showsDots(pointCount: number, widthPx: number): boolean {
  return pointCount * MIN_PX_PER_DOT <= widthPx;
}
