// Lookups by id into a board snapshot, built once per snapshot part and then O(1): describing thousands
// of annotation targets must not scan 100,000 observations for each.
import type { BoardSnapshot, WireEvent, WireIndicator, WireObservation } from "@/lib/schemas/board";

export type ObservationEntry = { indicator: WireIndicator; observation: WireObservation };

export type TargetIndex = {
  event: (eventId: string) => WireEvent | undefined;
  indicator: (indicatorId: string) => WireIndicator | undefined;
  observation: (observationId: string) => ObservationEntry | undefined;
};

// Keyed by the arrays themselves: applying an annotation op keeps the snapshot's events and indicators
// arrays, so the maps survive the op; an op that changes them makes new arrays and so new maps.
const eventMaps = new WeakMap<readonly WireEvent[], Map<string, WireEvent>>();
const indicatorMaps = new WeakMap<readonly WireIndicator[], Map<string, WireIndicator>>();
const observationMaps = new WeakMap<readonly WireIndicator[], Map<string, ObservationEntry>>();

export function targetIndex(snapshot: Pick<BoardSnapshot, "events" | "indicators">): TargetIndex {
  const { events, indicators } = snapshot;
  return {
    event: (eventId) => memo(eventMaps, events, () => byId(events)).get(eventId),
    indicator: (indicatorId) => memo(indicatorMaps, indicators, () => byId(indicators)).get(indicatorId),
    observation: (observationId) =>
      memo(observationMaps, indicators, () => observationsById(indicators)).get(observationId),
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
