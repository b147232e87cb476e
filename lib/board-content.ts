// The board's facts in the live state: events, indicators with their observations, sources and
// members, each as the list the panels draw (in their display order) plus a map by id. These change
// rarely and are few (observations aside), so a change rebuilds its list; an observation is placed by
// binary search into its indicator's list, which stays in time order. Observations by id are looked up
// through their indicator, in a map built lazily per indicator object (lib/target-index.ts): 100,000 of
// them are not indexed on load for the few annotations that name one.
import type { WireEvent, WireIndicator, WireMember, WireObservation, WireSource } from "./schemas/board";

/** A list in display order and the same items by key. Both are replaced on change, never mutated. */
export type Keyed<T> = { list: T[]; byId: Map<string, T> };

export function keyed<T>(list: T[], keyOf: (item: T) => string): Keyed<T> {
  return { list, byId: new Map(list.map((item) => [keyOf(item), item])) };
}

/** Replaces (or appends) the item with `key`, then orders the list: as the first client reducer did. */
export function upsertKeyed<T>(
  items: Keyed<T>,
  item: T,
  keyOf: (item: T) => string,
  order?: (a: T, b: T) => number,
): Keyed<T> {
  const key = keyOf(item);
  const list = [...items.list.filter((existing) => keyOf(existing) !== key), item];
  if (order) list.sort(order);
  return keyed(list, keyOf);
}

export function removeKeyed<T>(items: Keyed<T>, key: string, keyOf: (item: T) => string): Keyed<T> {
  if (!items.byId.has(key)) return items;
  return keyed(
    items.list.filter((existing) => keyOf(existing) !== key),
    keyOf,
  );
}

export const idOf = (item: { id: string }) => item.id;
export const userIdOf = (member: WireMember) => member.userId;
/** ISO instants order by code unit as they would by collation, at a fraction of the cost on 100,000. */
const compareInstants = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byOccurredAt = (a: WireEvent, b: WireEvent) => compareInstants(a.occurredAt, b.occurredAt);
export const byName = (a: WireMember, b: WireMember) => a.name.localeCompare(b.name);
const byObservedAt = (a: WireObservation, b: WireObservation) => compareInstants(a.observedAt, b.observedAt);

export type ContentState = {
  events: Keyed<WireEvent>;
  indicators: Keyed<WireIndicator>;
  sources: Keyed<WireSource>;
  members: Keyed<WireMember>;
};

/** Orders what the server sent (it already does; a stable sort of a sorted list costs one pass). */
export function contentOf(snapshot: {
  events: WireEvent[];
  indicators: WireIndicator[];
  sources: WireSource[];
  members: WireMember[];
}): ContentState {
  const indicators = snapshot.indicators.map((indicator) =>
    isSorted(indicator.observations, byObservedAt)
      ? indicator
      : { ...indicator, observations: [...indicator.observations].sort(byObservedAt) },
  );
  return {
    events: keyed(sorted(snapshot.events, byOccurredAt), idOf),
    indicators: keyed(indicators, idOf),
    sources: keyed(snapshot.sources, idOf),
    members: keyed(sorted(snapshot.members, byName), userIdOf),
  };
}

/** An indicator's definition changed: its observations stay. */
export function upsertIndicator<C extends ContentState>(
  content: C,
  definition: Omit<WireIndicator, "observations">,
): C {
  const observations = content.indicators.byId.get(definition.id)?.observations ?? [];
  return { ...content, indicators: upsertKeyed(content.indicators, { ...definition, observations }, idOf) };
}

export function removeIndicator<C extends ContentState>(content: C, indicatorId: string): C {
  return { ...content, indicators: removeKeyed(content.indicators, indicatorId, idOf) };
}

/** Places the observation after those at the same time or earlier, as a stable sort of an append would. */
export function upsertObservation<C extends ContentState>(content: C, observation: WireObservation): C {
  return withObservations(content, observation.indicatorId, (list) => {
    const others = list.filter((existing) => existing.id !== observation.id);
    let low = 0;
    let high = others.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byObservedAt(others[middle] as WireObservation, observation) <= 0) low = middle + 1;
      else high = middle;
    }
    others.splice(low, 0, observation);
    return others;
  });
}

export function removeObservation<C extends ContentState>(content: C, indicatorId: string, observationId: string): C {
  return withObservations(content, indicatorId, (list) => list.filter(({ id }) => id !== observationId));
}

/**
 * A deleted source leaves the events and figures that cited it without it, as the database does (it drops
 * the event's link and sets the figure's source null). A full pass, as deletions are; what did not cite it
 * keeps its identity.
 */
export function withoutCitationsOf<C extends ContentState>(content: C, sourceId: string): C {
  const cited = (event: WireEvent) => event.sourceIds.includes(sourceId);
  const events = content.events.list.some(cited)
    ? keyed(
        content.events.list.map((event) =>
          cited(event) ? { ...event, sourceIds: event.sourceIds.filter((id) => id !== sourceId) } : event,
        ),
        idOf,
      )
    : content.events;
  const citing = (indicator: WireIndicator) => indicator.observations.some((figure) => figure.sourceId === sourceId);
  const indicators = content.indicators.list.some(citing)
    ? keyed(
        content.indicators.list.map((indicator) =>
          citing(indicator)
            ? {
                ...indicator,
                observations: indicator.observations.map((figure) =>
                  figure.sourceId === sourceId ? { ...figure, sourceId: null } : figure,
                ),
              }
            : indicator,
        ),
        idOf,
      )
    : content.indicators;
  return { ...content, events, indicators };
}

/** Changes one indicator's observations; an unknown indicator changes nothing (the op is for a stale view). */
function withObservations<C extends ContentState>(
  content: C,
  indicatorId: string,
  change: (list: WireObservation[]) => WireObservation[],
): C {
  const indicator = content.indicators.byId.get(indicatorId);
  if (!indicator) return content;
  const updated = { ...indicator, observations: change(indicator.observations) };
  const list = content.indicators.list.map((existing) => (existing.id === indicatorId ? updated : existing));
  return { ...content, indicators: keyed(list, idOf) };
}

function sorted<T>(list: T[], order: (a: T, b: T) => number): T[] {
  return isSorted(list, order) ? list : [...list].sort(order);
}

function isSorted<T>(list: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let index = 1; index < list.length; index++) {
    if (order(list[index - 1] as T, list[index] as T) > 0) return false;
  }
  return true;
}
