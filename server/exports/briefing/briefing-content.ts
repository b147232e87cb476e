// What goes into a briefing pack, chosen from a board snapshot: the charts' model, the key events in
// the time range, open warnings and assessments about what the pack covers, and the sources with
// their grades. Pure, so the choice can be read and tested apart from the PDF drawing.
import {
  buildChartFigureModel,
  type ChartFigureModel,
  type ChartSelection,
  type NumberedEvent,
} from "@/lib/charts/chart-model";
import type { WireAnnotation } from "@/lib/schemas/annotation";
import type { BoardSnapshot, WireSource } from "@/lib/schemas/board";
import { type BriefingScope, serverTargetKindOf } from "../../annotations/target-kinds";
import { type BriefingPassage, briefingPassage } from "./briefing-passage";

/** A note, what it is on in words, and for a passage note the passage it quotes. */
export type BriefingNote = { annotation: WireAnnotation; about: string; passage: BriefingPassage | null };

export type SourceRow = {
  source: WireSource;
  /** Distinct Admiralty grades ("B2") of the observations that cite the source. */
  citedGrades: string[];
};

export type BriefingContent = {
  snapshot: BoardSnapshot;
  charts: ChartFigureModel;
  keyEvents: NumberedEvent[];
  openWarnings: BriefingNote[];
  assessments: BriefingNote[];
  sources: SourceRow[];
};

export function selectBriefingContent(snapshot: BoardSnapshot, selection: ChartSelection): BriefingContent {
  const charts = buildChartFigureModel(snapshot, selection);
  const covered = coversAnnotation(snapshot, charts);
  const notes = (kind: WireAnnotation["kind"]) =>
    snapshot.annotations
      .filter((annotation) => annotation.kind === kind && covered(annotation))
      .map((annotation) => ({
        annotation,
        about: serverTargetKindOf(annotation.target).briefing.describe(annotation.target, snapshot),
        passage: briefingPassage(annotation),
      }));
  return {
    snapshot,
    charts,
    keyEvents: charts.events,
    openWarnings: notes("warning").filter(({ annotation }) => !threadResolved(annotation, snapshot.annotations)),
    assessments: notes("assessment"),
    sources: snapshot.sources.map((source) => ({ source, citedGrades: citedGrades(source, snapshot) })),
  };
}

/** A reply belongs to its parent's thread, and a thread is resolved on its first annotation. */
function threadResolved(annotation: WireAnnotation, all: WireAnnotation[]): boolean {
  const root = annotation.parentId ? all.find((candidate) => candidate.id === annotation.parentId) : annotation;
  return (root ?? annotation).resolvedAt !== null;
}

/**
 * Whether the pack covers what an annotation is about: anything on the whole board; an event in the
 * time range; an instant, period or observation of a charted indicator inside the range.
 */
function coversAnnotation(snapshot: BoardSnapshot, charts: ChartFigureModel) {
  const [start, end] = charts.domain;
  const charted = new Set(charts.panels.map((panel) => panel.indicator.id));
  const observations = new Map(
    snapshot.indicators.flatMap((indicator) =>
      indicator.observations.map((observation) => [observation.id, observation]),
    ),
  );
  const byId = new Map(snapshot.annotations.map((annotation) => [annotation.id, annotation]));
  const scope: BriefingScope = {
    start,
    end,
    chartedIndicators: charted,
    shownEvents: new Set(charts.events.map(({ event }) => event.id)),
    observation: (observationId) => observations.get(observationId),
  };
  const covers = (annotation: WireAnnotation): boolean => {
    const parent = annotation.parentId ? byId.get(annotation.parentId) : undefined;
    if (parent) return covers(parent);
    return serverTargetKindOf(annotation.target).briefing.covers(annotation.target, scope);
  };
  return covers;
}

function citedGrades(source: WireSource, snapshot: BoardSnapshot): string[] {
  const grades = new Set<string>();
  for (const indicator of snapshot.indicators) {
    for (const observation of indicator.observations) {
      if (observation.sourceId === source.id && observation.sourceReliability && observation.infoCredibility) {
        grades.add(`${observation.sourceReliability}${observation.infoCredibility}`);
      }
    }
  }
  return [...grades].sort();
}
