// The timeline's two orders (issue 19): by when each event happened, or by when it was logged on the
// board, which for a late report can be days apart. Ties keep the happened order (the marker numbers).

export type EventOrder = "happened" | "logged";

type Numbered<E> = { event: E; number: number };

export function orderEvents<E extends { occurredAt: string; loggedAt: string }>(
  numbered: readonly Numbered<E>[],
  order: EventOrder,
): Numbered<E>[] {
  const key = order === "happened" ? "occurredAt" : "loggedAt";
  return [...numbered].sort((a, b) => Date.parse(a.event[key]) - Date.parse(b.event[key]) || a.number - b.number);
}
