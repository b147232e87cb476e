// Lookups by id into a board, for describing annotation targets. A live board state (lib/board-state.ts)
// already holds maps by id; for a wire snapshot the maps are built once per snapshot part and then O(1):
// describing thousands of annotation targets must not scan 100,000 observations for each.
import type { BoardState } from "@/lib/board-state";
import type { BoardSnapshot, WireEvent, WireIndicator, WireObservation } from "@/lib/schemas/board";

export type ObservationEntry = { indicator: WireIndicator; observation: WireObservation };

export type TargetIndex = {
  event: (eventId: string) => WireEvent | undefined;
  indicator: (indicatorId: string) => WireIndicator | undefined;
  observation: (observationId: string) => ObservationEntry | undefined;
};

/** What a target can be looked up in: a snapshot's lists or a live state's maps. */
export type TargetSource =
  | Pick<BoardSnapshot, "events" | "indicators">
  | Pick<BoardState, "events" | "indicators" | "observations">;

// Keyed by the arrays themselves: applying an annotation op keeps the snapshot's events and indicators
// arrays, so the maps survive the op; an op that changes them makes new arrays and so new maps.
const eventMaps = new WeakMap<readonly WireEvent[], Map<string, WireEvent>>();
const indicatorMaps = new WeakMap<readonly WireIndicator[], Map<string, WireIndicator>>();
const observationMaps = new WeakMap<readonly WireIndicator[], Map<string, ObservationEntry>>();

export function targetIndex(source: TargetSource): TargetIndex {
  if ("observations" in source) return stateIndex(source);
  const { events, indicators } = source;
  return {
    event: (eventId) => memo(eventMaps, events, () => byId(events)).get(eventId),
    indicator: (indicatorId) => memo(indicatorMaps, indicators, () => byId(indicators)).get(indicatorId),
    observation: (observationId) =>
      memo(observationMaps, indicators, () => observationsById(indicators)).get(observationId),
  };
}

function stateIndex(state: Pick<BoardState, "events" | "indicators" | "observations">): TargetIndex {
  return {
    event: (eventId) => state.events.byId.get(eventId),
    indicator: (indicatorId) => state.indicators.byId.get(indicatorId),
    observation: (observationId) => {
      const observation = state.observations.get(observationId);
      const indicator = observation && state.indicators.byId.get(observation.indicatorId);
      return observation && indicator ? { indicator, observation } : undefined;
    },
  };
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

function observationsById(indicators: readonly WireIndicator[]): Map<string, ObservationEntry> {
  const entries = new Map<string, ObservationEntry>();
  for (const indicator of indicators) {
    for (const observation of indicator.observations) {
      if (!entries.has(observation.id)) entries.set(observation.id, { indicator, observation });
    }
  }
  return entries;
}
