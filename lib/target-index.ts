// Lookups by id into a board, for describing annotation targets. A live board state (lib/board-state.ts)
// already holds events and indicators by id; for a wire snapshot those maps are built once per snapshot
// part. Observations are found through their indicator, in a map built on first use per indicator
// object, which an op on another indicator keeps: describing thousands of annotation targets must not
// scan 100,000 observations for each, nor must loading a board index them all for the few that ask.
import type { BoardState } from "@/lib/board-state";
import type { BoardSnapshot, WireEvent, WireIndicator, WireObservation, WireSource } from "@/lib/schemas/board";
import type { ObservationEntry, TargetIndex } from "@/lib/targets/target-index-type";

export type { ObservationEntry, TargetIndex } from "@/lib/targets/target-index-type";

/** What a target can be looked up in: a snapshot's lists or a live state's maps. */
export type TargetSource =
  | Pick<BoardSnapshot, "events" | "indicators" | "sources">
  | Pick<BoardState, "events" | "indicators" | "sources">;

// Keyed by the arrays themselves: applying an annotation op keeps the snapshot's events and indicators
// arrays, so the maps survive the op; an op that changes them makes new arrays and so new maps.
const eventMaps = new WeakMap<readonly WireEvent[], Map<string, WireEvent>>();
const indicatorMaps = new WeakMap<readonly WireIndicator[], Map<string, WireIndicator>>();
const observationMaps = new WeakMap<WireIndicator, Map<string, WireObservation>>();
const sourceMaps = new WeakMap<readonly WireSource[], Map<string, WireSource>>();

export function targetIndex(source: TargetSource): TargetIndex {
  if (!Array.isArray(source.events))
    return stateIndex(source as Pick<BoardState, "events" | "indicators" | "sources">);
  const { events, indicators, sources } = source as Pick<BoardSnapshot, "events" | "indicators" | "sources">;
  return {
    event: (eventId) => memo(eventMaps, events, () => byId(events)).get(eventId),
    indicator: (indicatorId) => memo(indicatorMaps, indicators, () => byId(indicators)).get(indicatorId),
    observation: (observationId) => observationIn(indicators, observationId),
    source: (sourceId) => memo(sourceMaps, sources, () => byId(sources)).get(sourceId),
  };
}

function stateIndex(state: Pick<BoardState, "events" | "indicators" | "sources">): TargetIndex {
  return {
    event: (eventId) => state.events.byId.get(eventId),
    indicator: (indicatorId) => state.indicators.byId.get(indicatorId),
    observation: (observationId) => observationIn(state.indicators.list, observationId),
    source: (sourceId) => state.sources.byId.get(sourceId),
  };
}

/** The first indicator holding the id wins, as a search in order would find it. */
function observationIn(indicators: readonly WireIndicator[], observationId: string): ObservationEntry | undefined {
  for (const indicator of indicators) {
    const observation = memo(observationMaps, indicator, () => byId(indicator.observations)).get(observationId);
    if (observation) return { indicator, observation };
  }
  return undefined;
}

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** The first item holding an id wins, as a search in order would find it. */
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const entries = new Map<string, T>();
  for (const item of items) if (!entries.has(item.id)) entries.set(item.id, item);
  return entries;
}
