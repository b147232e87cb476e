// The board's facts as clients see them (snapshot and ops alike).
import type { WireEvent, WireIndicator, WireObservation, WireSource } from "@/lib/schemas/board";
import type { Event, Indicator, Observation, Source } from "../db/generated/client";
import { placeOfColumns } from "./place-columns";

export function toWireEvent(row: Event & { sources: { sourceId: string }[] }): WireEvent {
  return {
    id: row.id,
    title: row.title,
    occurredAt: row.occurredAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    category: row.category,
    place: placeOfColumns(row),
    description: row.description,
    sourceIds: row.sources.map((link) => link.sourceId),
    sourceReliability: row.sourceReliability,
    infoCredibility: row.infoCredibility,
    loggedAt: row.createdAt.toISOString(),
  };
}

export function toWireSource(row: Source): WireSource {
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    reliability: row.reliability,
    currentVersion: row.currentVersion,
  };
}

export function toWireIndicator(row: Indicator): Omit<WireIndicator, "observations"> {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    description: row.description,
    kind: row.kind,
    warnAbove: row.warnAbove,
    warnBelow: row.warnBelow,
    color: row.color,
  };
}

export function toWireObservation(row: Observation): WireObservation {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    observedAt: row.observedAt.toISOString(),
    value: row.value,
    sourceId: row.sourceId,
    sourceReliability: row.sourceReliability,
    infoCredibility: row.infoCredibility,
    note: row.note,
  };
}
